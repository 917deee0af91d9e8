-- A run writes one run_item row per history entry and image it plans (2M for a million entries): the foreign key
-- checked every row (a lookup and a row lock on prune_run per item) and was most of the plan's write time. The
-- items are only ever written by the transaction that inserted or locked their run, and runs are not deleted.
alter table run_item drop constraint run_item_run_id_fkey;
