// Preloaded (`node --import`) into a child whose CPU time the bench reports: prints it to stderr at exit.
process.on('exit', () => {
  const u = process.cpuUsage();
  process.stderr.write(`\ncpu-ms ${Math.round((u.user + u.system) / 1000)}\n`);
});
