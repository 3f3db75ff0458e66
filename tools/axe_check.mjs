// Runs axe-core (the accessibility engine browsers' own tools use) on pages
// in Debian's Chromium, through playwright-core with its executablePath:
// nothing downloads a browser of its own.
//   node tools/axe_check.mjs CHROMIUM WIDTH FILE.html [FILE.html …]
// Prints one JSON object: {file: {width: [violations…]}}.
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(path.resolve(process.env.TOASOAN_TOOLS || ".tools", "node_modules") + "/");
const { chromium } = require("playwright-core");
const axeSource = require("fs").readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const [executablePath, width, ...files] = process.argv.slice(2);
const args = ["--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
if (process.getuid && process.getuid() === 0) args.push("--no-sandbox");
const browser = await chromium.launch({ executablePath, headless: true, args });
const results = {};
try {
  for (const file of files) {
    const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
    await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: "load" });
    // The page's CSP forbids injected scripts; evaluate runs axe in a way CSP allows.
    await page.evaluate(axeSource);
    const report = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
    results[file] = report.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(results));
