// rfc serve: keyboard shortcuts and the current section in the contents. Everything works without this file.
"use strict";
(function () {
  function typing(target) {
    return target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable);
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
      return;
    }
    if (event.key === "/") {
      var search = document.getElementById("q");
      if (search) {
        event.preventDefault();
        search.focus();
        search.select();
      }
    } else if (event.key === "t") {
      var contents = document.getElementById("contents");
      if (contents) {
        contents.open = !contents.open;
      }
    }
  });

  // On a phone the contents would push the text a screen away: closed there (open without JavaScript).
  var panelContents = document.getElementById("contents");
  if (panelContents && window.matchMedia("(max-width: 50rem)").matches) {
    panelContents.open = false;
  }

  var links = Array.prototype.slice.call(document.querySelectorAll("#contents a[href^='#']"));
  if (links.length === 0) {
    return;
  }
  var byId = {};
  var headings = [];
  links.forEach(function (link) {
    var id = decodeURIComponent(link.getAttribute("href").slice(1));
    var heading = document.getElementById(id);
    if (heading) {
      byId[id] = link;
      headings.push(heading);
    }
  });

  var current = null;
  var pending = false;
  function update() {
    pending = false;
    var top = window.innerHeight * 0.25;
    var found = null;
    for (var i = 0; i < headings.length; i++) {
      if (headings[i].getBoundingClientRect().top <= top) {
        found = headings[i];
      } else {
        break;
      }
    }
    var link = found ? byId[found.id] : null;
    if (link === current) {
      return;
    }
    if (current) {
      current.classList.remove("current");
      current.removeAttribute("aria-current");
    }
    current = link;
    if (current) {
      current.classList.add("current");
      current.setAttribute("aria-current", "location");
      var panel = document.getElementById("panel");
      if (panel && panel.scrollHeight > panel.clientHeight) {
        var box = current.getBoundingClientRect();
        var edge = panel.getBoundingClientRect();
        if (box.top < edge.top || box.bottom > edge.bottom) {
          panel.scrollTop += box.top - edge.top - edge.height / 3;
        }
      }
    }
  }
  window.addEventListener("scroll", function () {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(update);
    }
  }, { passive: true });
  window.addEventListener("hashchange", update);
  update();
})();
