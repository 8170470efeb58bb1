#!/usr/bin/env node
'use strict';
// CommonJS, as the launcher it loads: Node's ES module loader stays unloaded unless a command needs it.
require('../dist/cli/launch.cjs').launch();
