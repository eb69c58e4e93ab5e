// Runs one notebook through Jupyter Notebook 6's page in headless Chromium, as a learner would: open it, switch to
// the given kernel, Cell > Run All, wait, screenshot. Prints a JSON summary; exit 1 when a check fails.
// usage: node run-chapter.mjs URL OUT_DIR KERNEL_NAME EXPECTED_FIGURES
import puppeteer from 'puppeteer-core';
import fs from 'node:fs';
import path from 'node:path';

const [url, outDir, kernelName, expectedFigures] = process.argv.slice(2);
const failures = [];
const check = (name, ok, detail) => {
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail === undefined ? '' : ': ' + detail}`);
  if (!ok) failures.push(name);
};
const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--lang=ko-KR'],
});
try {
  const page = await browser.newPage();
  await page.setViewport({width: 1280, height: 900});
  const pageErrors = [];
  page.on('pageerror', e => pageErrors.push(String(e)));
  await page.goto(url, {waitUntil: 'networkidle2', timeout: 120000});
  await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded,
      {timeout: 120000});
  // the chapters name IJava's kernel "java"; pick the ConvBook one, as a learner does from Kernel > Change kernel
  await page.evaluate(k => Jupyter.notebook.kernel_selector.set_kernel(k), kernelName);
  await page.waitForFunction(k => {
    const kernel = Jupyter.notebook.kernel;
    return kernel && kernel.name === k && kernel.is_connected()
        && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null;
  }, {timeout: 180000, polling: 500}, kernelName);
  const kernelShown = await page.$eval('.kernel_indicator_name', e => e.textContent.trim());
  check('kernel', kernelShown === 'ConvBook (Java)', `"${kernelShown}" after ${seconds()} s`);

  await page.evaluate(() => { Jupyter.notebook.clear_all_output(); Jupyter.notebook.execute_all_cells(); });
  // done: no cell waits or runs ("In [*]") and the kernel is idle, twice in a row 2 s apart
  let quietPolls = 0;
  while (quietPolls < 2) {
    await new Promise(r => setTimeout(r, 2000));
    const state = await page.evaluate(() => ({
      running: Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code' && c.input_prompt_number === '*')
          .length,
      idle: document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null,
    }));
    quietPolls = state.running === 0 && state.idle ? quietPolls + 1 : 0;
    if ((Date.now() - started) / 1000 > 1500) {
      check('finished', false, `still running after ${seconds()} s`);
      break;
    }
  }
  const summary = await page.evaluate(() => {
    const code = Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code');
    const errors = [];
    code.forEach((c, i) => c.output_area.outputs.forEach(o => {
      if (o.output_type === 'error') errors.push(`code cell ${i + 1}: ${o.ename}: ${o.evalue}`);
    }));
    const images = [...document.querySelectorAll('.output_area img')];
    return {
      codeCells: code.length,
      executed: code.filter(c => typeof c.input_prompt_number === 'number').length,
      errors,
      errorBoxes: document.querySelectorAll('.output_error').length,
      figures: images.length,
      figuresDrawn: images.filter(img => img.complete && img.naturalWidth > 0).length,
      heading: (document.querySelector('.rendered_html h1') || {}).textContent || '',
    };
  });
  console.log(JSON.stringify(summary));
  check('ran every cell', summary.executed === summary.codeCells,
      `${summary.executed} of ${summary.codeCells} code cells have an execution count, ${seconds()} s`);
  check('no error output', summary.errors.length === 0 && summary.errorBoxes === 0,
      summary.errors.join(' | ') || `${summary.errorBoxes} error boxes`);
  check('figures', summary.figures === Number(expectedFigures) && summary.figuresDrawn === summary.figures,
      `${summary.figuresDrawn} of ${summary.figures} drawn, ${expectedFigures} expected`);
  check('Korean page', /[\uac00-\ud7a3]/.test(summary.heading), summary.heading);
  check('no script errors on the page', pageErrors.length === 0, pageErrors.join(' | '));

  fs.mkdirSync(outDir, {recursive: true});
  // Notebook 6 scrolls its #site element, not the window
  await page.evaluate(() => { document.querySelector('#site').scrollTop = 0; });
  await page.screenshot({path: path.join(outDir, 'top.png')});
  const first = await page.$('.output_area img');
  if (first) {
    await first.scrollIntoView();
    await first.screenshot({path: path.join(outDir, 'first-figure.png')});
  }
  // the whole notebook in one picture (up to 16,000 px): a window as tall as the notebook, as Notebook 6 scrolls
  // inside its #site element and never the page
  const tall = await page.evaluate(() => document.querySelector('#header').offsetHeight
      + document.querySelector('#notebook').scrollHeight);
  await page.setViewport({width: 1280, height: Math.min(16000, tall)});
  await new Promise(r => setTimeout(r, 1000));
  await page.screenshot({path: path.join(outDir, 'page.png')});
  await page.evaluate(() => Jupyter.notebook.save_notebook());
  await new Promise(r => setTimeout(r, 2000));
} finally {
  await browser.close();
}
console.log(`${failures.length === 0 ? 'ok' : 'FAILED (' + failures.join(', ') + ')'} in ${seconds()} s`);
process.exit(failures.length === 0 ? 0 : 1);
