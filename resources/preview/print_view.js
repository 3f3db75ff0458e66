// The preview's "Print (A4)": the page as its PDF prints it, on screen.
// The page's own print rules (@media print) are made to apply on screen too,
// the @page margins become the sheet's padding, and a grey line marks where
// each A4 page's printable area ends. Where the PDF keeps a photo or a
// heading whole, its page breaks a little earlier than the line.
// Run in Qt's isolated world with one argument, whether the print view is
// on; the DOM and its style sheets are shared with the page itself.
(function (on) {
  var page = null;
  Array.prototype.forEach.call(document.styleSheets, function (sheet) {
    var rules;
    try { rules = sheet.cssRules; } catch (error) { return; }  // not ours to read
    Array.prototype.forEach.call(rules, function (rule) {
      if (rule instanceof CSSPageRule) {
        page = rule.style;
      } else if (rule instanceof CSSMediaRule && /(^|[\s,])print([\s,]|$)/.test(rule.media.mediaText)) {
        var onScreen = Array.prototype.indexOf.call(rule.media, "screen") >= 0;
        if (on && !onScreen) rule.media.appendMedium("screen");
        if (!on && onScreen) rule.media.deleteMedium("screen");
      }
    });
  });
  var root = document.documentElement;
  var body = document.body.style;
  if (on) {
    root.setAttribute("data-print-view", "");
    var top = (page && page.marginTop) || "0mm", bottom = (page && page.marginBottom) || "0mm";
    var sheet = "calc(297mm - " + top + " - " + bottom + ")";  // printable height of one A4 page
    body.padding = page ? page.margin : "";
    body.backgroundImage = "repeating-linear-gradient(to bottom, transparent 0, transparent calc(" + sheet +
      " - 1px), #9aa3ad calc(" + sheet + " - 1px), #9aa3ad " + sheet + ")";
    body.backgroundOrigin = "content-box";
    body.backgroundClip = "content-box";
  } else if (root.hasAttribute("data-print-view")) {
    root.removeAttribute("data-print-view");
    ["padding", "backgroundImage", "backgroundOrigin", "backgroundClip"].forEach(function (name) { body[name] = ""; });
  }
  return on;
})
