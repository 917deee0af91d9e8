// Runs once, when MongoDB starts on an empty volume (the image's /docker-entrypoint-initdb.d), as the root user
// of the Secret mongodb-root. Each service gets its own user, allowed only its own database; the services
// authenticate against `admin` (QUARKUS_MONGODB_CREDENTIALS_AUTH_SOURCE). A user whose Secret changes later
// is not updated: change its password with mongosh as root (db.getSiblingDB('admin').changeUserPassword).
const admin = db.getSiblingDB('admin');
for (const [prefix, database] of [['IMPORT_SERVICE', 'imports'], ['TRIGGER_SERVICE', 'triggers']]) {
  const user = process.env[prefix + '_USERNAME'];
  const pwd = process.env[prefix + '_PASSWORD'];
  if (!user || !pwd) {
    throw new Error(prefix + '_USERNAME and ' + prefix + '_PASSWORD must be set');
  }
  admin.createUser({user: user, pwd: pwd, roles: [{role: 'readWrite', db: database}]});
  print('created MongoDB user ' + user + ' for database ' + database);
}
