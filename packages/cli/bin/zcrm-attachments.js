#!/usr/bin/env node
// Thin launcher kept outside dist/ so the bin link exists before the first build.
import "../dist/bin.js";
