// Draws the page's network with vis-network from the JSON block #gb-network-data.
//
// Text from the gazettes only ever goes into the page through textContent: no node or
// edge gets a vis "title" (which some vis-network versions render as HTML); tooltips
// and the details panel are built here element by element. Clicking a node that has a
// page of its own opens it; the href is checked against the site's own path shapes.
// window.gbNetworkState tells tests and benchmarks when the drawing is stable.
(function () {
  "use strict";

  var SAFE_HREF = /^(\.\.\/)?((person|group|agency)\/[A-Za-z0-9_-]+|index|groups|agencies)\.html$/;
  var state = { ready: false, readyAt: null, nodes: 0, edges: 0, physics: false };
  window.gbNetworkState = state;

  var holder = document.getElementById("gb-network-data");
  var container = document.getElementById("gb-network");
  if (!holder || !container) {
    return;
  }
  var data = JSON.parse(holder.textContent);

  data.edges.forEach(function (edge) {
    var style = data.edgeStyles[edge.rel];
    edge.color = { color: style.color, highlight: style.color, hover: style.color, opacity: 0.85 };
    edge.dashes = style.dashes;
    edge.width = edge.width || style.width;
    edge.arrows = { to: { enabled: style.arrows, scaleFactor: 0.5 } };
  });

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  window.gbNetwork = network;
  state.nodes = nodes.length;
  state.edges = edges.length;
  state.physics = Boolean(data.options.physics.enabled);

  function markReady() {
    state.ready = true;
    state.readyAt = performance.now();
    container.setAttribute("data-ready", "true");
  }

  if (state.physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.once("afterDrawing", markReady);
      network.redraw();
    });
  } else {
    network.once("afterDrawing", markReady);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null && text !== "") {
      node.textContent = String(text);
    }
    return node;
  }

  function factList(facts, more) {
    var list = element("ul", "gb-facts");
    facts.forEach(function (fact) {
      var item = element("li", "gb-fact");
      item.appendChild(element("span", "gb-fact-text", fact[0]));
      if (fact[1]) {
        var source = fact[1] + " · " + (fact[2] || "未注明日期") + (fact[4] ? " · 第" + fact[4] + "行" : "");
        item.appendChild(element("span", "gb-fact-source", source));
      }
      if (fact[3]) {
        item.appendChild(element("q", "gb-fact-quote", fact[3]));
      }
      list.appendChild(item);
    });
    if (more > 0) {
      list.appendChild(element("li", "gb-fact-more", "另有 " + more + " 条 (+" + more + " more)"));
    }
    return list;
  }

  function describe(target, item) {
    var tip = item.tip || { title: "", kind: "", facts: [], more: 0 };
    target.replaceChildren();
    target.appendChild(element("strong", "gb-tip-title", tip.title));
    target.appendChild(element("span", "gb-tip-kind", tip.kind));
    if (tip.facts.length) {
      target.appendChild(factList(tip.facts, tip.more));
    }
  }

  var tooltip = document.getElementById("gb-tooltip");
  var details = document.getElementById("gb-details");

  function showTooltip(item, pointer) {
    if (!tooltip || !item) {
      return;
    }
    describe(tooltip, item);
    var x = pointer ? pointer.x : 0;
    var y = pointer ? pointer.y : 0;
    tooltip.hidden = false;
    var left = Math.min(x + 14, container.clientWidth - tooltip.offsetWidth - 4);
    var top = y + 14 + tooltip.offsetHeight > container.clientHeight ? y - 14 - tooltip.offsetHeight : y + 14;
    tooltip.style.left = Math.max(0, left) + "px";
    tooltip.style.top = Math.max(0, top) + "px";
  }

  function hideTooltip() {
    if (tooltip) {
      tooltip.hidden = true;
    }
  }

  function showDetails(item) {
    if (!details || !item) {
      return;
    }
    describe(details, item);
    if (item.href && SAFE_HREF.test(item.href) && !item.subject) {
      var open = element("a", "gb-open", "打开页面 open page");
      open.setAttribute("href", item.href);
      details.appendChild(open);
    }
  }

  function pointerOf(params) {
    return params.pointer && params.pointer.DOM ? params.pointer.DOM : null;
  }

  network.on("hoverNode", function (params) { showTooltip(nodes.get(params.node), pointerOf(params)); });
  network.on("hoverEdge", function (params) { showTooltip(edges.get(params.edge), pointerOf(params)); });
  network.on("blurNode", hideTooltip);
  network.on("blurEdge", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);

  network.on("click", function (params) {
    hideTooltip();
    if (params.nodes.length) {
      var node = nodes.get(params.nodes[0]);
      if (node.href && !node.subject && SAFE_HREF.test(node.href)) {
        window.location.href = node.href;
        return;
      }
      showDetails(node);
    } else if (params.edges.length) {
      showDetails(edges.get(params.edges[0]));
    }
  });
}());
