// The published-manifest rules of tarball-contents.mjs: ranges, not pins, except the listed ones.
import assert from "node:assert/strict";
import { test } from "node:test";
import { pinnedDependencyProblems } from "./tarball-contents.mjs";

test("ranges pass: caret, tilde, >= and alternatives", () => {
  const pkg = {
    dependencies: { a: "^1.2.3", b: "~14.0.3", c: "^0.17.0" },
    peerDependencies: { d: ">=0.0.0", e: "^1.0.0 || ^2.0.0" },
  };
  assert.deepEqual(pinnedDependencyProblems(pkg), []);
});

test("an exact version, a tag or a URL is named with the fix", () => {
  const pkg = {
    dependencies: { commander: "14.0.3", "@stoplight/prism-http": "5.12.0" },
    optionalDependencies: { x: "latest" },
    peerDependencies: { y: "github:owner/y" },
  };
  const problems = pinnedDependencyProblems(pkg);
  assert.equal(problems.length, 3);
  assert.match(problems[0], /^dependencies\.commander is "14\.0\.3": publish a range \(\^ or ~\)/);
  assert.match(problems[1], /^optionalDependencies\.x is "latest"/);
  assert.match(problems[2], /^peerDependencies\.y is "github:owner\/y"/);
});
