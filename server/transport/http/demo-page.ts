// A stand-in for a customer's website. Its styles are deliberately greedy
// (universal selectors, !important) to show that none of them reach the widget,
// and its own form and script keep working beside it.

export const demoPage = (siteKey: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lumen Lamps — demo shop</title>
<link rel="stylesheet" href="/demo.css">
</head>
<body>
<header><h1>Lumen Lamps</h1><p>Hand-made lamps since 2009.</p></header>
<main>
  <section aria-labelledby="products"><h2 id="products">Bestsellers</h2>
    <ul><li>Aurora desk lamp — €89</li><li>Nimbus floor lamp — €249</li><li>Ember bedside lamp — €59</li></ul>
  </section>
  <section aria-labelledby="news"><h2 id="news">Newsletter</h2>
    <form id="newsletter"><label for="email">Your email</label> <input id="email" name="email" type="email" required>
      <button type="submit">Subscribe</button></form>
    <p id="newsletter-status" role="status"></p>
  </section>
</main>
<script src="/demo.js"></script>
<script src="/widget.js" data-site="${siteKey}" async></script>
</body>
</html>`;

export const demoStyles = `
* { font-family: Georgia, serif !important; box-sizing: content-box; }
body { margin: 0 auto; max-width: 720px; padding: 1rem; color: #222; background: #fffdf7; }
button { background: #ff00aa !important; color: #fff; border-radius: 0; font-size: 22px; }
input { border: 3px dashed #ff00aa; }
div, p, span { line-height: 3; }
`;

export const demoScript = `
document.getElementById('newsletter').addEventListener('submit', function (event) {
  event.preventDefault();
  document.getElementById('newsletter-status').textContent = 'Thanks, ' + document.getElementById('email').value + ' is subscribed.';
});
`;
