// kospitl: fold a table page's column descriptions into a one-line <details>.
document.addEventListener("DOMContentLoaded", function () {
  var dl = document.querySelector("dl.column-descriptions");
  if (!dl) return;
  var details = document.createElement("details");
  details.className = "kospitl-columns";
  var summary = document.createElement("summary");
  summary.textContent = "What the " + dl.querySelectorAll("dt").length + " columns hold";
  details.appendChild(summary);
  dl.parentNode.insertBefore(details, dl);
  details.appendChild(dl);
});
