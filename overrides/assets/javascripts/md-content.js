// Material 9.8.1's partials/javascripts/content.html (without content.tabs.link,
// which this site does not enable), served as a file (CSP).
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
