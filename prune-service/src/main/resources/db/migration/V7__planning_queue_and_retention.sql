-- Runs wait for a planning slot (imagestreams.planning.max-concurrent): null while queued. The plan timeout counts
-- from here, so a run that waited its turn is not failed for the time it waited.
alter table prune_run add column planning_started_at timestamptz;

-- Finished runs are deleted after imagestreams.run-retention; this finds them without reading every run.
create index prune_run_finished on prune_run (finished_at) where state in ('Succeeded', 'Failed', 'Undone');
