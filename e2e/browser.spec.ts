import { test, expect } from './support/serve-fixture';

// The viewer renders with WebGL2; on machines without a GPU the e2e Chromium must provide it
// through SwiftShader, or every viewer test would fail for the wrong reason.
test('the e2e browser offers WebGL2 (software rendering)', async ({ page, app }) => {
  await page.goto(app.url);
  const webgl2 = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    return gl ? String(gl.getParameter(gl.VERSION)) : null;
  });
  expect(webgl2).toMatch(/WebGL 2/);
});
