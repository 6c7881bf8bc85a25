// nergraph viewer: a force-directed layout on a canvas with pan and zoom,
// search, filters, and details of nodes and edges with their evidence
// sentences. Reads the graph from the JSON block #graph-data; no dependencies.
(function () {
  'use strict';

  var TYPES = {
    PER: { name: 'person', fill: '#f08a80', stroke: '#b03327', shape: 'circle' },
    ORG: { name: 'organization', fill: '#7fa9f0', stroke: '#1f56b0', shape: 'square' },
    LOC: { name: 'place', fill: '#82cc97', stroke: '#2b7341', shape: 'hexagon' }
  };
  var OTHER_TYPE = { name: 'other', fill: '#c9ccd1', stroke: '#6b7280', shape: 'circle' };
  var KINDS = {
    co_occurs: { name: 'co-occurrence', color: '#9aa3af' },
    member_of: { name: 'member of', color: '#7b3fa0' },
    leads: { name: 'leads', color: '#d35400' },
    affiliated_with: { name: 'affiliated with', color: '#138d75' },
    located_in: { name: 'located in', color: '#5d6d2e' },
    event: { name: 'event', color: '#b0263b' }
  };
  var KIND_ORDER = Object.keys(KINDS);
  // CAMEO root codes (Conflict and Mediation Event Observations).
  var CAMEO = {
    '01': 'make public statement', '02': 'appeal', '03': 'express intent to cooperate',
    '04': 'consult', '05': 'engage in diplomatic cooperation',
    '06': 'engage in material cooperation', '07': 'provide aid', '08': 'yield',
    '09': 'investigate', '10': 'demand', '11': 'disapprove', '12': 'reject',
    '13': 'threaten', '14': 'protest', '15': 'exhibit force posture',
    '16': 'reduce relations', '17': 'coerce', '18': 'assault', '19': 'fight',
    '20': 'use unconventional mass violence'
  };
  var KNOWN_NODE_FIELDS = ['id', 'label', 'etype', 'kb_id', 'aliases', 'mentions', 'documents'];
  var FIELD_NAMES = {
    degree: 'Degree (neighbours)', weighted_degree: 'Weighted degree', pagerank: 'PageRank',
    component: 'Component', community: 'Community'
  };
  // Community colours (fill, border), reused cyclically.
  var PALETTE = [
    ['#8dd3c7', '#3f8f83'], ['#fdb462', '#b86e12'], ['#bebada', '#6d67a3'], ['#fb8072', '#b33a2c'],
    ['#80b1d3', '#2f6d97'], ['#b3de69', '#6b9a22'], ['#fccde5', '#c0628f'], ['#d9d9d9', '#7f7f7f'],
    ['#bc80bd', '#7a3d7b'], ['#ccebc5', '#6fa566'], ['#ffed6f', '#b0a116'], ['#a6cee3', '#4a84a6']
  ];
  var LABEL_FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
  var LABEL_FONT_BOLD = 'bold ' + LABEL_FONT;

  var body = document.body;
  var data = JSON.parse(document.getElementById('graph-data').textContent);
  var canvas = document.getElementById('canvas');
  var ctx = canvas.getContext('2d');
  var stage = document.getElementById('stage');
  var panel = document.getElementById('panel');
  var tooltip = document.getElementById('tooltip');
  var searchInput = document.getElementById('search');
  var searchCount = document.getElementById('search-count');
  var minWeightInput = document.getElementById('min-weight');
  var minWeightValue = document.getElementById('min-weight-value');
  var hideIsolatedInput = document.getElementById('hide-isolated');

  function typeStyle(type) {
    return TYPES[type] || OTHER_TYPE;
  }
  function kindStyle(kind) {
    return KINDS[kind] || { name: kind, color: '#555b66' };
  }
  function kindRank(kind) {
    var i = KIND_ORDER.indexOf(kind);
    return i < 0 ? KIND_ORDER.length : i;
  }

  // Search keys: lower case, without diacritics, ß as ss.
  function fold(s) {
    return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/ß/g, 'ss');
  }

  // ---- the graph ------------------------------------------------------------

  var maxMentions = 1;
  data.nodes.forEach(function (n) {
    maxMentions = Math.max(maxMentions, n.mentions || 1);
  });
  var nodes = data.nodes.map(function (n, i) {
    var m = Math.max(1, n.mentions || 1);
    var scale = maxMentions > 1 ? Math.sqrt((m - 1) / (maxMentions - 1)) : 0;
    var aliases = n.aliases || [];
    return {
      index: i,
      data: n,
      id: n.id,
      label: n.label,
      type: n.etype,
      r: 7 + 21 * scale,
      x: 0,
      y: 0,
      edges: [],
      visible: true,
      keys: [fold(n.label)].concat(aliases.map(fold), [fold(n.id)]),
      labelWidth: -1
    };
  });
  var nodeById = new Map();
  nodes.forEach(function (n) {
    nodeById.set(n.id, n);
  });
  var edges = [];
  var maxWeight = 1;
  data.edges.forEach(function (e) {
    var s = nodeById.get(e.source);
    var t = nodeById.get(e.target);
    if (!s || !t) {
      return;
    }
    var edge = {
      index: edges.length,
      data: e,
      source: s,
      target: t,
      kind: e.kind,
      weight: e.weight || 1,
      directed: e.kind !== 'co_occurs',
      bend: 0,
      visible: true
    };
    maxWeight = Math.max(maxWeight, edge.weight);
    edges.push(edge);
    s.edges.push(edge);
    if (t !== s) {
      t.edges.push(edge);
    }
  });

  // Several edges between the same two nodes are drawn as arcs side by side.
  (function assignBends() {
    var groups = new Map();
    edges.forEach(function (e) {
      var a = Math.min(e.source.index, e.target.index);
      var b = Math.max(e.source.index, e.target.index);
      var key = a + ' ' + b;
      if (!groups.has(key)) {
        groups.set(key, []);
      }
      groups.get(key).push(e);
    });
    groups.forEach(function (group) {
      group.sort(function (x, y) {
        return kindRank(x.kind) - kindRank(y.kind) || x.index - y.index;
      });
      group.forEach(function (e, j) {
        var bend = group.length === 1 ? 0 : (j - (group.length - 1) / 2) * 0.3;
        e.bend = e.source.index <= e.target.index ? bend : -bend;
      });
    });
  })();

  // ---- layout ---------------------------------------------------------------

  // Deterministic pseudo-random numbers (mulberry32), so the same graph always
  // gets the same picture.
  function random(seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6d2b79f5) >>> 0;
      var t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  // A Barnes-Hut quadtree over the node positions: far-away groups of nodes
  // repel as one mass, so a layout step is O(n log n).
  function buildTree(list) {
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    list.forEach(function (n) {
      x0 = Math.min(x0, n.x); y0 = Math.min(y0, n.y);
      x1 = Math.max(x1, n.x); y1 = Math.max(y1, n.y);
    });
    var size = Math.max(x1 - x0, y1 - y0, 1) * 1.01;
    var root = { x: x0, y: y0, size: size, mass: 0, cx: 0, cy: 0, body: null, kids: null, extra: null };
    list.forEach(function (n) {
      insert(root, n, 0);
    });
    return root;
  }
  function insert(cell, n, depth) {
    cell.cx = (cell.cx * cell.mass + n.x * n.mass) / (cell.mass + n.mass);
    cell.cy = (cell.cy * cell.mass + n.y * n.mass) / (cell.mass + n.mass);
    cell.mass += n.mass;
    if (!cell.kids) {
      if (!cell.body) {
        cell.body = n;
        return;
      }
      if (depth > 40) {
        (cell.extra = cell.extra || []).push(n);
        return;
      }
      var old = cell.body;
      cell.body = null;
      cell.kids = [null, null, null, null];
      insertChild(cell, old, depth);
    }
    insertChild(cell, n, depth);
  }
  function insertChild(cell, n, depth) {
    var half = cell.size / 2;
    var right = n.x >= cell.x + half ? 1 : 0;
    var down = n.y >= cell.y + half ? 1 : 0;
    var q = right + 2 * down;
    if (!cell.kids[q]) {
      cell.kids[q] = {
        x: cell.x + right * half, y: cell.y + down * half, size: half,
        mass: 0, cx: 0, cy: 0, body: null, kids: null, extra: null
      };
    }
    insert(cell.kids[q], n, depth + 1);
  }
  function repel(cell, n, k2, theta2) {
    if (!cell || cell.mass === 0) {
      return;
    }
    if (!cell.kids) {
      if (cell.body && cell.body !== n) {
        pushApart(n, n.x - cell.body.x, n.y - cell.body.y, cell.body.mass, k2);
      }
      if (cell.extra) {
        for (var i = 0; i < cell.extra.length; i++) {
          var m = cell.extra[i];
          if (m !== n) {
            pushApart(n, n.x - m.x, n.y - m.y, m.mass, k2);
          }
        }
      }
      return;
    }
    var dx = n.x - cell.cx;
    var dy = n.y - cell.cy;
    if (cell.size * cell.size < theta2 * (dx * dx + dy * dy)) {
      pushApart(n, dx, dy, cell.mass, k2);
      return;
    }
    for (var q = 0; q < 4; q++) {
      repel(cell.kids[q], n, k2, theta2);
    }
  }
  function pushApart(n, dx, dy, mass, k2) {
    var d2 = dx * dx + dy * dy;
    if (d2 < 1e-6) {
      // Coincident points: push in a direction that depends on the node only.
      dx = Math.cos(n.index * 2.399963);
      dy = Math.sin(n.index * 2.399963);
      d2 = 1;
    }
    // Fruchterman-Reingold repulsion k²/d, times the masses.
    var f = k2 * mass * n.mass / d2;
    n.fx += dx * f;
    n.fy += dy * f;
  }

  // Connected components (union-find), largest first; singletons last.
  function components() {
    var parent = nodes.map(function (n, i) { return i; });
    function find(i) {
      while (parent[i] !== i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
      }
      return i;
    }
    edges.forEach(function (e) {
      var a = find(e.source.index), b = find(e.target.index);
      if (a !== b) {
        parent[Math.max(a, b)] = Math.min(a, b);
      }
    });
    var groups = new Map();
    nodes.forEach(function (n) {
      var root = find(n.index);
      if (!groups.has(root)) {
        groups.set(root, []);
      }
      groups.get(root).push(n);
    });
    return Array.from(groups.values()).sort(function (a, b) {
      return b.length - a.length || a[0].index - b[0].index;
    });
  }

  // Lay out each connected component on its own, then pack them in rows.
  function layout() {
    var rand = random(0x6e657267);
    var boxes = components().map(function (list) {
      layoutComponent(list, rand);
      removeOverlaps(list);
      var box = { list: list, x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
      list.forEach(function (n) {
        box.x0 = Math.min(box.x0, n.x - n.r - 30);
        box.x1 = Math.max(box.x1, n.x + n.r + 30);
        box.y0 = Math.min(box.y0, n.y - n.r);
        box.y1 = Math.max(box.y1, n.y + n.r + 18);
      });
      return box;
    });
    var gap = 30;
    var area = 0, widest = 0;
    boxes.forEach(function (b) {
      area += (b.x1 - b.x0 + gap) * (b.y1 - b.y0 + gap);
      widest = Math.max(widest, b.x1 - b.x0);
    });
    // Shelf packing: left to right, a new row when the row is full. The row
    // width is chosen so that the whole fits the canvas at the largest scale.
    function pack(rowWidth, apply) {
      var x = 0, y = 0, rowHeight = 0, right = 0;
      boxes.forEach(function (b) {
        var w = b.x1 - b.x0, h = b.y1 - b.y0;
        if (x > 0 && x + w > rowWidth) {
          x = 0;
          y += rowHeight + gap;
          rowHeight = 0;
        }
        if (apply) {
          var dx = x - b.x0, dy = y - b.y0;
          b.list.forEach(function (n) {
            n.x += dx;
            n.y += dy;
          });
        }
        right = Math.max(right, x + w);
        x += w + gap;
        rowHeight = Math.max(rowHeight, h);
      });
      return { w: right, h: y + rowHeight };
    }
    var canvasW = width > 1 ? width : 900, canvasH = height > 1 ? height : 700;
    var base = Math.sqrt(area * canvasW / canvasH);
    var best = Math.max(widest, base), bestScale = -1;
    for (var f = 0.5; f <= 2.01; f += 0.1) {
      var rw = Math.max(widest, base * f);
      var size = pack(rw, false);
      var scale = Math.min(canvasW / size.w, canvasH / size.h);
      if (scale > bestScale + 1e-9) {
        best = rw;
        bestScale = scale;
      }
    }
    pack(best, true);
  }

  // Fruchterman-Reingold with Barnes-Hut repulsion and a cooling schedule.
  function layoutComponent(list, rand) {
    var n = list.length;
    var K = 50;
    list.forEach(function (node) {
      node.mass = 0.7 + node.r / 12;
      node.x = 0;
      node.y = 0;
    });
    if (n === 1) {
      return;
    }
    var order = list.slice().sort(function (a, b) {
      return b.edges.length - a.edges.length || a.index - b.index;
    });
    // Start on a sunflower spiral, best-connected nodes in the middle.
    order.forEach(function (node, i) {
      var radius = K * 0.8 * Math.sqrt(i + 0.5);
      var angle = i * 2.399963;
      node.x = radius * Math.cos(angle) + (rand() - 0.5) * K * 0.2;
      node.y = radius * Math.sin(angle) + (rand() - 0.5) * K * 0.2;
    });
    // One spring per pair of nodes, stronger for heavier relations.
    var springs = new Map();
    list.forEach(function (node) {
      node.edges.forEach(function (e) {
        if (e.source === e.target || e.source !== node) {
          return;
        }
        var a = Math.min(e.source.index, e.target.index);
        var b = Math.max(e.source.index, e.target.index);
        var key = a * nodes.length + b;
        var w = (springs.has(key) ? springs.get(key).w : 0) + e.weight * (e.directed ? 2 : 1);
        springs.set(key, { a: nodes[a], b: nodes[b], w: w });
      });
    });
    var springList = Array.from(springs.values()).map(function (s) {
      return { a: s.a, b: s.b, w: Math.min(1 + Math.log(s.w), 4) };
    });
    // Fewer and coarser steps for big graphs, so the page opens in seconds
    // (build --top N or --min-weight make big graphs readable anyway).
    var iterations = n > 10000 ? 40 : n > 3000 ? 80 : n > 1000 ? 200 : 350;
    var theta2 = n > 3000 ? 1.44 : 0.81;
    var k2 = K * K;
    var gravity = 0.5;
    var start = K * Math.max(2, Math.sqrt(n) * 0.6);
    for (var it = 0; it < iterations; it++) {
      var temperature = start * Math.pow(1 - it / iterations, 1.6) + 0.5;
      list.forEach(function (node) {
        node.fx = 0;
        node.fy = 0;
      });
      var tree = buildTree(list);
      list.forEach(function (node) {
        repel(tree, node, k2, theta2);
      });
      springList.forEach(function (s) {
        var dx = s.b.x - s.a.x;
        var dy = s.b.y - s.a.y;
        // Attraction d²/K, pulling both ends together.
        var f = Math.sqrt(dx * dx + dy * dy) / K * s.w;
        s.a.fx += dx * f; s.a.fy += dy * f;
        s.b.fx -= dx * f; s.b.fy -= dy * f;
      });
      list.forEach(function (node) {
        node.fx -= node.x * gravity * node.mass;
        node.fy -= node.y * gravity * node.mass;
        var f = Math.sqrt(node.fx * node.fx + node.fy * node.fy);
        if (f > 0) {
          var step = Math.min(f, temperature) / f;
          node.x += node.fx * step;
          node.y += node.fy * step;
        }
      });
    }
  }

  // Push overlapping nodes apart (a grid keeps it near-linear).
  function removeOverlaps(list) {
    var cell = 64;
    for (var pass = 0; pass < 12; pass++) {
      var grid = new Map();
      list.forEach(function (node) {
        var key = Math.floor(node.x / cell) + ',' + Math.floor(node.y / cell);
        if (!grid.has(key)) {
          grid.set(key, []);
        }
        grid.get(key).push(node);
      });
      var moved = false;
      list.forEach(function (a) {
        var gx = Math.floor(a.x / cell);
        var gy = Math.floor(a.y / cell);
        for (var ix = -1; ix <= 1; ix++) {
          for (var iy = -1; iy <= 1; iy++) {
            var list = grid.get((gx + ix) + ',' + (gy + iy));
            if (!list) {
              continue;
            }
            list.forEach(function (b) {
              if (b.index <= a.index) {
                return;
              }
              var dx = b.x - a.x;
              var dy = b.y - a.y;
              var d = Math.sqrt(dx * dx + dy * dy);
              var min = a.r + b.r + 6;
              if (d < min) {
                if (d < 1e-6) {
                  dx = Math.cos(b.index); dy = Math.sin(b.index); d = 1;
                }
                var push = (min - d) / 2 / d;
                a.x -= dx * push; a.y -= dy * push;
                b.x += dx * push; b.y += dy * push;
                moved = true;
              }
            });
          }
        }
      });
      if (!moved) {
        break;
      }
    }
  }

  // ---- view state -----------------------------------------------------------

  var view = { x: 0, y: 0, k: 1 };
  var width = 0, height = 0, dpr = 1;
  var typeOn = {};
  var kindOn = {};
  var minWeight = 1;
  var colourBy = 'type';
  var matches = [];
  var matchSet = new Set();
  var matchCursor = -1;
  var selected = null; // { node } or { edge }
  var hoverNode = null;
  var frameRequested = false;

  function resize() {
    var rect = stage.getBoundingClientRect();
    dpr = window.devicePixelRatio || 1;
    width = Math.max(1, rect.width);
    height = Math.max(1, rect.height);
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
  }

  function toWorld(p) {
    return { x: (p.x - view.x) / view.k, y: (p.y - view.y) / view.k };
  }

  function labelWidth(n) {
    if (n.labelWidth < 0) {
      ctx.font = LABEL_FONT;
      n.labelWidth = ctx.measureText(n.label).width;
    }
    return n.labelWidth;
  }

  // Zoom and pan so that `list` (with the labels below the nodes) fills the
  // canvas. Labels keep their size in pixels, so the zoom is found by a few
  // fixed-point steps.
  function fitTo(list, maxZoom) {
    if (!list.length) {
      return;
    }
    var pad = 24;
    var k = 1, x0, y0, x1, y1;
    for (var step = 0; step < 4; step++) {
      x0 = Infinity; y0 = Infinity; x1 = -Infinity; y1 = -Infinity;
      list.forEach(function (n) {
        var half = Math.max(n.r * k, labelWidth(n) / 2);
        x0 = Math.min(x0, n.x * k - half); x1 = Math.max(x1, n.x * k + half);
        y0 = Math.min(y0, (n.y - n.r) * k); y1 = Math.max(y1, (n.y + n.r) * k + 17);
      });
      var fit = Math.min((width - 2 * pad) / Math.max(x1 - x0, 1), (height - 2 * pad) / Math.max(y1 - y0, 1));
      k = Math.max(0.02, Math.min(maxZoom, k * fit));
      if (Math.abs(fit - 1) < 0.01) {
        break;
      }
    }
    x0 = Infinity; y0 = Infinity; x1 = -Infinity; y1 = -Infinity;
    list.forEach(function (n) {
      var half = Math.max(n.r * k, labelWidth(n) / 2);
      x0 = Math.min(x0, n.x * k - half); x1 = Math.max(x1, n.x * k + half);
      y0 = Math.min(y0, (n.y - n.r) * k); y1 = Math.max(y1, (n.y + n.r) * k + 17);
    });
    view.k = k;
    view.x = width / 2 - (x0 + x1) / 2;
    view.y = height / 2 - (y0 + y1) / 2;
  }

  function zoomAt(p, factor) {
    var k = Math.max(0.02, Math.min(12, view.k * factor));
    factor = k / view.k;
    view.x = p.x - (p.x - view.x) * factor;
    view.y = p.y - (p.y - view.y) * factor;
    view.k = k;
    requestDraw();
  }

  function visibleNodes() {
    return nodes.filter(function (n) { return n.visible; });
  }

  function applyFilters() {
    nodes.forEach(function (n) {
      n.visible = typeOn[n.type] !== false;
    });
    edges.forEach(function (e) {
      e.visible = kindOn[e.kind] !== false && e.weight >= minWeight &&
        e.source.visible && e.target.visible;
    });
    if (hideIsolatedInput.checked) {
      nodes.forEach(function (n) {
        n.visible = n.visible && n.edges.some(function (e) { return e.visible; });
      });
    }
    if (selected && selected.node && !selected.node.visible ||
        selected && selected.edge && !selected.edge.visible) {
      select(null);
    } else if (!selected) {
      showOverview();
    }
    updateSearch(false);
    requestDraw();
  }

  // ---- drawing --------------------------------------------------------------

  function requestDraw() {
    if (!frameRequested) {
      frameRequested = true;
      window.requestAnimationFrame(draw);
    }
  }

  // The nodes and edges to emphasize, or null when nothing is emphasized.
  function emphasis() {
    // Without a selection or search, the node under the pointer and its
    // neighbours stand out.
    var on = selected || (hoverNode && !matchSet.size ? { node: hoverNode } : null);
    if (!on && !matchSet.size) {
      return null;
    }
    var ns = new Set(matchSet);
    var es = new Set();
    var primary = new Set(matchSet);
    if (on && on.node) {
      ns.add(on.node);
      primary.add(on.node);
      on.node.edges.forEach(function (e) {
        if (e.visible) {
          es.add(e);
          ns.add(e.source);
          ns.add(e.target);
        }
      });
    }
    if (on && on.edge) {
      es.add(on.edge);
      ns.add(on.edge.source);
      ns.add(on.edge.target);
      primary.add(on.edge.source);
      primary.add(on.edge.target);
    }
    // primary: nodes whose labels are always drawn.
    return { nodes: ns, edges: es, primary: primary };
  }

  function controlPoint(e) {
    var sx = e.source.x, sy = e.source.y, tx = e.target.x, ty = e.target.y;
    return { x: (sx + tx) / 2 - (ty - sy) * e.bend, y: (sy + ty) / 2 + (tx - sx) * e.bend };
  }

  function edgeWidth(e) {
    return (e.directed ? 2 : 1) * (1 + Math.log(e.weight) / Math.LN2 * 0.8);
  }

  function shapePath(n, x, y, r) {
    ctx.beginPath();
    var shape = typeStyle(n.type).shape;
    if (shape === 'square') {
      var s = r * 0.9;
      ctx.rect(x - s, y - s, 2 * s, 2 * s);
    } else if (shape === 'hexagon') {
      for (var i = 0; i < 6; i++) {
        var a = Math.PI / 3 * i;
        var px = x + r * 1.08 * Math.cos(a);
        var py = y + r * 1.08 * Math.sin(a);
        if (i === 0) {
          ctx.moveTo(px, py);
        } else {
          ctx.lineTo(px, py);
        }
      }
      ctx.closePath();
    } else {
      ctx.arc(x, y, r, 0, 2 * Math.PI);
    }
  }

  function drawEdge(e, faded, strong) {
    var style = kindStyle(e.kind);
    var unit = Math.min(1, view.k) / view.k; // screen pixels → world, shrinking when zoomed out
    var lw = edgeWidth(e) * unit * (strong ? 1.6 : 1);
    ctx.globalAlpha = faded ? 0.12 : e.directed ? 0.9 : 0.75;
    ctx.strokeStyle = strong && !e.directed ? '#4b5563' : style.color;
    ctx.fillStyle = ctx.strokeStyle;
    ctx.lineWidth = lw;
    ctx.setLineDash(e.data.former ? [6 * unit, 4 * unit] : []);
    var s = e.source, t = e.target;
    if (s === t) {
      ctx.beginPath();
      ctx.arc(s.x + s.r, s.y - s.r, s.r * 0.7, 0, 2 * Math.PI);
      ctx.stroke();
      ctx.setLineDash([]);
      return;
    }
    var c = controlPoint(e);
    // End the line at the target's border, where the arrowhead sits.
    var ex = t.x, ey = t.y;
    var dx = t.x - c.x, dy = t.y - c.y;
    var dl = Math.sqrt(dx * dx + dy * dy) || 1;
    var head = e.directed ? Math.max(9 * unit, lw * 3) : 0;
    if (e.directed) {
      ex = t.x - dx / dl * (t.r + 2 * unit);
      ey = t.y - dy / dl * (t.r + 2 * unit);
    }
    ctx.beginPath();
    ctx.moveTo(s.x, s.y);
    if (e.bend) {
      ctx.quadraticCurveTo(c.x, c.y, ex - dx / dl * head * 0.8, ey - dy / dl * head * 0.8);
    } else {
      ctx.lineTo(ex - dx / dl * head * 0.8, ey - dy / dl * head * 0.8);
    }
    ctx.stroke();
    ctx.setLineDash([]);
    if (e.directed) {
      var ux = dx / dl, uy = dy / dl;
      ctx.beginPath();
      ctx.moveTo(ex, ey);
      ctx.lineTo(ex - ux * head - uy * head * 0.5, ey - uy * head + ux * head * 0.5);
      ctx.lineTo(ex - ux * head + uy * head * 0.5, ey - uy * head - ux * head * 0.5);
      ctx.closePath();
      ctx.fill();
    }
  }

  // Fill and border of a node: by type, or by community when chosen.
  function nodeColours(n) {
    var c = n.data.community;
    if (colourBy === 'community' && typeof c === 'number') {
      var p = PALETTE[c % PALETTE.length];
      return { fill: p[0], stroke: p[1] };
    }
    return typeStyle(n.type);
  }

  function drawNode(n, faded, strong) {
    var style = nodeColours(n);
    var unit = Math.min(1, view.k) / view.k;
    ctx.globalAlpha = faded ? 0.2 : 1;
    shapePath(n, n.x, n.y, n.r);
    ctx.fillStyle = style.fill;
    ctx.fill();
    ctx.lineWidth = (strong ? 3 : 1.5) * unit;
    ctx.strokeStyle = strong ? '#111827' : style.stroke;
    ctx.stroke();
    if (matchSet.has(n)) {
      ctx.globalAlpha = 1;
      ctx.lineWidth = 3 / view.k;
      ctx.strokeStyle = '#f5b700';
      shapePath(n, n.x, n.y, n.r + 5 / view.k);
      ctx.stroke();
    }
  }

  function drawLabels(list, focus) {
    // Place labels greedily, most important first; skip those that would
    // overlap an already placed one (unless emphasized).
    var placed = new Map();
    var cell = 48;
    function collides(box, overNodes) {
      if (box.x0 < 0 || box.x1 > width || box.y0 < 0 || box.y1 > height) {
        return true;
      }
      for (var gx = Math.floor(box.x0 / cell); gx <= Math.floor(box.x1 / cell); gx++) {
        for (var gy = Math.floor(box.y0 / cell); gy <= Math.floor(box.y1 / cell); gy++) {
          var boxes = placed.get(gx + ',' + gy);
          if (boxes && boxes.some(function (b) {
            return !(overNodes && b.node) && b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1;
          })) {
            return true;
          }
        }
      }
      return false;
    }
    function place(box) {
      for (var gx = Math.floor(box.x0 / cell); gx <= Math.floor(box.x1 / cell); gx++) {
        for (var gy = Math.floor(box.y0 / cell); gy <= Math.floor(box.y1 / cell); gy++) {
          var key = gx + ',' + gy;
          if (!placed.has(key)) {
            placed.set(key, []);
          }
          placed.get(key).push(box);
        }
      }
    }
    // Labels avoid the nodes too.
    list.forEach(function (n) {
      if (focus && !focus.nodes.has(n)) {
        return;
      }
      var x = n.x * view.k + view.x, y = n.y * view.k + view.y, r = n.r * view.k;
      if (x > -50 && x < width + 50 && y > -50 && y < height + 50) {
        place({ x0: x - r, x1: x + r, y0: y - r, y1: y + r, node: true });
      }
    });
    var order = list.slice().sort(function (a, b) {
      var fa = focus && focus.primary.has(a) ? 1 : 0;
      var fb = focus && focus.primary.has(b) ? 1 : 0;
      return fb - fa || b.r - a.r || a.index - b.index;
    });
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.lineJoin = 'round';
    order.forEach(function (n, rank) {
      if (focus && !focus.nodes.has(n)) {
        return;
      }
      var forced = focus && focus.primary.has(n);
      var sx = n.x * view.k + view.x;
      var sy = n.y * view.k + view.y;
      if (sx < -200 || sx > width + 200 || sy < -50 || sy > height + 50) {
        return;
      }
      if (!forced && n.r * view.k < 2.5) {
        return;
      }
      var bold = selected && selected.node === n || matchSet.has(n);
      ctx.font = bold ? LABEL_FONT_BOLD : LABEL_FONT;
      var w = ctx.measureText(n.label).width;
      var r = n.r * view.k;
      // Below the node, else above, right or left of it.
      var spots = [
        { x: sx - w / 2, y: sy + r + 3 },
        { x: sx - w / 2, y: sy - r - 17 },
        { x: sx + r + 4, y: sy - 7 },
        { x: sx - r - 4 - w, y: sy - 7 }
      ];
      // The biggest nodes may put their label over other nodes.
      var box = null;
      var passes = rank < 12 || r >= 12 ? 2 : 1;
      for (var pass = 0; pass < passes && !box; pass++) {
        for (var i = 0; i < spots.length && !box; i++) {
          var b = { x0: spots[i].x - 2, x1: spots[i].x + w + 2, y0: spots[i].y, y1: spots[i].y + 14 };
          if (!collides(b, pass === 1)) {
            box = b;
          }
        }
      }
      if (!box) {
        if (!forced) {
          return;
        }
        box = { x0: spots[0].x - 2, x1: spots[0].x + w + 2, y0: spots[0].y, y1: spots[0].y + 14 };
      }
      place(box);
      ctx.globalAlpha = 1;
      ctx.lineWidth = 3;
      ctx.strokeStyle = 'rgba(255,255,255,0.9)';
      ctx.strokeText(n.label, box.x0 + 2, box.y0);
      ctx.fillStyle = '#1d2430';
      ctx.fillText(n.label, box.x0 + 2, box.y0);
    });
  }

  function draw() {
    frameRequested = false;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.globalAlpha = 1;
    ctx.fillStyle = '#fbfbfc';
    ctx.fillRect(0, 0, width, height);
    ctx.save();
    ctx.translate(view.x, view.y);
    ctx.scale(view.k, view.k);
    var focus = emphasis();
    var shown = visibleNodes();
    var shownEdges = 0;
    // Two layers: the faded rest first, then what is emphasized on top. In
    // each, co-occurrence lines below typed relations below nodes.
    [false, true].forEach(function (top) {
      if (top && !focus) {
        return;
      }
      [false, true].forEach(function (directed) {
        edges.forEach(function (e) {
          if (!e.visible || e.directed !== directed || !!(focus && focus.edges.has(e)) !== top) {
            return;
          }
          shownEdges++;
          drawEdge(e, focus && !top, top && !!selected);
        });
      });
      shown.forEach(function (n) {
        if (!!(focus && focus.nodes.has(n)) === top) {
          drawNode(n, focus && !top, selected && selected.node === n);
        }
      });
    });
    ctx.restore();
    drawLabels(shown, focus);
    if (!shown.length) {
      ctx.globalAlpha = 1;
      ctx.font = '15px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillStyle = '#5b6472';
      ctx.fillText(nodes.length ? 'Nothing left: loosen the filters.' : 'No entities in this graph.', width / 2, height / 2);
    }
    body.dataset.renderedNodes = String(shown.length);
    body.dataset.renderedEdges = String(shownEdges);
    body.dataset.zoom = view.k.toFixed(3);
  }

  // ---- hit testing ------------------------------------------------------------

  function nodeAt(p) {
    var w = toWorld(p);
    var best = null;
    var bestD = Infinity;
    nodes.forEach(function (n) {
      if (!n.visible) {
        return;
      }
      var dx = n.x - w.x, dy = n.y - w.y;
      var d = Math.sqrt(dx * dx + dy * dy);
      if (d <= n.r + 3 / view.k && d < bestD) {
        best = n;
        bestD = d;
      }
    });
    return best;
  }

  function distanceToSegment(px, py, ax, ay, bx, by) {
    var dx = bx - ax, dy = by - ay;
    var l2 = dx * dx + dy * dy;
    var t = l2 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l2)) : 0;
    var x = ax + t * dx - px, y = ay + t * dy - py;
    return Math.sqrt(x * x + y * y);
  }

  function edgeAt(p) {
    var w = toWorld(p);
    var best = null;
    var bestD = Infinity;
    edges.forEach(function (e) {
      if (!e.visible || e.source === e.target) {
        return;
      }
      var s = e.source, t = e.target, c = controlPoint(e);
      var d = Infinity;
      var steps = e.bend ? 12 : 1;
      var px = s.x, py = s.y;
      for (var i = 1; i <= steps; i++) {
        var u = i / steps;
        var qx = (1 - u) * (1 - u) * s.x + 2 * (1 - u) * u * c.x + u * u * t.x;
        var qy = (1 - u) * (1 - u) * s.y + 2 * (1 - u) * u * c.y + u * u * t.y;
        d = Math.min(d, distanceToSegment(w.x, w.y, px, py, qx, qy));
        px = qx; py = qy;
      }
      var tolerance = (edgeWidth(e) / 2 + 4) / view.k;
      if (d <= tolerance && d < bestD) {
        best = e;
        bestD = d;
      }
    });
    return best;
  }

  // ---- panel ------------------------------------------------------------------

  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      if (k === 'text') {
        node.textContent = props[k];
      } else if (k === 'class') {
        node.className = props[k];
      } else if (k === 'onclick') {
        node.addEventListener('click', props[k]);
      } else {
        node.setAttribute(k, props[k]);
      }
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) {
        node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
      }
    });
    return node;
  }

  function table(rows) {
    return el('table', {}, rows.filter(function (r) {
      return r[1] !== null && r[1] !== undefined && r[1] !== '';
    }).map(function (r) {
      return el('tr', {}, [el('th', { text: r[0] }), el('td', {}, [typeof r[1] === 'object' ? r[1] : String(r[1])])]);
    }));
  }

  function nodeButton(n) {
    return el('button', { class: 'link', type: 'button', text: n.label, onclick: function () {
      select({ node: n }, true);
    } });
  }

  function typeBadge(type) {
    return el('span', { class: 'badge ' + type, text: type });
  }

  function kbLink(kb) {
    if (!kb) {
      return null;
    }
    var m;
    if ((m = /^Q[0-9]+$/.exec(kb))) {
      return el('a', { class: 'link', href: 'https://www.wikidata.org/wiki/' + m[0], target: '_blank', rel: 'noopener', text: kb });
    }
    if ((m = /^geonames:([0-9]+)$/.exec(kb))) {
      return el('a', { class: 'link', href: 'https://www.geonames.org/' + m[1], target: '_blank', rel: 'noopener', text: kb });
    }
    return kb;
  }

  function kindLabel(e) {
    var d = e.data;
    var text = kindStyle(e.kind).name;
    if (d.cameo) {
      text += ' ' + d.cameo + (d.trigger ? ' (' + d.trigger + ')' : '');
    } else if (d.role) {
      text += ' (' + d.role + ')';
    }
    return text;
  }

  function showOverview() {
    var shown = visibleNodes();
    var typeCounts = {};
    nodes.forEach(function (n) {
      typeCounts[n.type] = (typeCounts[n.type] || 0) + 1;
    });
    var top = shown.slice().sort(function (a, b) {
      return (b.data.mentions || 0) - (a.data.mentions || 0) || a.index - b.index;
    }).slice(0, 15);
    panel.replaceChildren(
      el('h2', { text: 'Overview' }),
      table([
        ['Documents', data.documents],
        ['Entities', shown.length + ' shown of ' + nodes.length],
        ['Relations', edges.filter(function (e) { return e.visible; }).length + ' shown of ' + edges.length]
      ]),
      el('h3', { text: 'Legend' }),
      el('table', { class: 'legend' }, Object.keys(TYPES).map(function (t) {
        var s = TYPES[t];
        return el('tr', {}, [
          el('td', {}, [el('span', { class: 'swatch ' + t, style: 'background:' + s.fill + ';border-color:' + s.stroke })]),
          el('td', { text: t + ' ' + s.name + ' (' + (typeCounts[t] || 0) + ')' })
        ]);
      }).concat(KIND_ORDER.map(function (k) {
        return el('tr', {}, [
          el('td', {}, [el('span', { class: 'line', style: 'border-color:' + KINDS[k].color })]),
          el('td', { text: KINDS[k].name + (k === 'co_occurs' ? ' (same sentence, no arrow)' : ' (arrow)') })
        ]);
      })).concat([
        el('tr', {}, [el('td', {}, [el('span', { class: 'line dashed', style: 'border-color:#555b66' })]), el('td', { text: 'former role' })]),
        el('tr', {}, [el('td', { text: '' }), el('td', { class: 'muted', text: 'Node size: mentions. Line width: number of evidence sentences.' })])
      ])),
      el('h3', { text: 'Most mentioned' }),
      el('ul', {}, top.map(function (n) {
        return el('li', {}, [nodeButton(n), ' ', el('span', { class: 'muted', text: n.type + ', ' + n.data.mentions + ' mentions' })]);
      })),
      el('p', { class: 'hint', text: 'Drag to pan, scroll to zoom, drag a node to move it. Click a node or a line for details and evidence. Keys: / search, + and - zoom, 0 fit, Esc clear.' })
    );
  }

  // The documents of a node's evidence sentences, with dates, by date.
  function documentList(incident) {
    var docs = new Map();
    incident.forEach(function (e) {
      (e.data.evidence || []).forEach(function (ev) {
        docs.set(ev.doc, ev.date || '');
      });
    });
    if (!docs.size) {
      return el('p', { class: 'muted', text: 'no evidence sentences' });
    }
    var list = Array.from(docs.entries()).sort(function (a, b) {
      return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
    });
    return el('ul', {}, list.map(function (d) {
      return el('li', {}, [d[0], d[1] ? el('span', { class: 'muted', text: ' · ' + d[1] }) : null]);
    }));
  }

  function showNode(n) {
    var d = n.data;
    var extra = Object.keys(d).filter(function (k) {
      return KNOWN_NODE_FIELDS.indexOf(k) < 0 && d[k] !== null && typeof d[k] !== 'object';
    }).sort().map(function (k) {
      var v = d[k];
      var name = FIELD_NAMES[k] || k.charAt(0).toUpperCase() + k.slice(1).replace(/_/g, ' ');
      return [name, typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(4) : v];
    });
    var incident = n.edges.slice().sort(function (a, b) {
      return kindRank(a.kind) - kindRank(b.kind) || b.weight - a.weight || a.index - b.index;
    });
    panel.replaceChildren(
      el('h2', {}, [d.label, ' ', typeBadge(n.type)]),
      table([
        ['Type', typeStyle(n.type).name],
        ['ID', d.id],
        ['Knowledge base', kbLink(d.kb_id)],
        ['Mentions', d.mentions],
        ['Documents', d.documents],
        ['Relations', incident.length]
      ].concat(extra)),
      el('h3', { text: 'Aliases' }),
      (d.aliases || []).length ? el('ul', {}, d.aliases.map(function (a) { return el('li', { text: a }); })) : el('p', { class: 'muted', text: 'none' }),
      el('h3', { text: 'Seen in' }),
      documentList(incident),
      el('h3', { text: 'Relations (' + incident.length + ')' }),
      incident.length ? el('ul', {}, incident.map(function (e) {
        var other = e.source === n ? e.target : e.source;
        var arrow = !e.directed ? '—' : e.source === n ? '→' : '←';
        return el('li', { class: e.visible ? '' : 'muted' }, [
          el('span', { style: 'color:' + kindStyle(e.kind).color, text: arrow + ' ' }),
          nodeButton(other), ' ',
          el('button', { class: 'link', type: 'button', text: kindLabel(e) + ', weight ' + e.weight, onclick: function () {
            select({ edge: e }, true);
          } })
        ]);
      })) : el('p', { class: 'muted', text: 'none' })
    );
  }

  function isWordChar(ch) {
    return !!ch && /[\p{L}\p{N}]/u.test(ch);
  }

  // The sentence with the trigger marked and the two entities' names in bold.
  function sentence(ev, e) {
    var text = ev.text || '';
    var ranges = [];
    if (ev.trigger_span) {
      var chars = Array.from(text);
      var s = ev.trigger_span[0] - ev.sentence_start;
      var t = ev.trigger_span[1] - ev.sentence_start;
      if (s >= 0 && t <= chars.length && s < t) {
        var from = chars.slice(0, s).join('').length;
        ranges.push({ s: from, e: from + chars.slice(s, t).join('').length, tag: 'mark' });
      }
    }
    var names = [];
    [e.source, e.target].forEach(function (n) {
      [n.label].concat(n.data.aliases || []).forEach(function (a) {
        if (a && a.length > 1 && names.indexOf(a) < 0) {
          names.push(a);
        }
      });
    });
    names.sort(function (a, b) { return b.length - a.length; });
    names.forEach(function (name) {
      var at = text.indexOf(name);
      while (at >= 0) {
        var end = at + name.length;
        var free = !isWordChar(text[at - 1]) && !isWordChar(text[end]) && ranges.every(function (r) {
          return end <= r.s || at >= r.e;
        });
        if (free) {
          ranges.push({ s: at, e: end, tag: 'span' });
        }
        at = text.indexOf(name, end);
      }
    });
    ranges.sort(function (a, b) { return a.s - b.s; });
    var parts = [];
    var pos = 0;
    ranges.forEach(function (r) {
      parts.push(text.slice(pos, r.s));
      parts.push(el(r.tag, r.tag === 'span' ? { class: 'entity', text: text.slice(r.s, r.e) } : { text: text.slice(r.s, r.e) }));
      pos = r.e;
    });
    parts.push(text.slice(pos));
    return el('div', { class: 'sentence' }, parts);
  }

  function showEdge(e) {
    var d = e.data;
    var evidence = d.evidence || [];
    var flags = [];
    if (d.former) {
      flags.push('former');
    }
    if (d.reported) {
      flags.push('reported speech');
    }
    panel.replaceChildren(
      el('h2', {}, [nodeButton(e.source), e.directed ? ' → ' : ' — ', nodeButton(e.target)]),
      table([
        ['Relation', el('span', { style: 'color:' + kindStyle(e.kind).color + ';font-weight:600', text: kindStyle(e.kind).name })],
        ['CAMEO', d.cameo ? d.cameo + (CAMEO[d.cameo.slice(0, 2)] ? ' ' + CAMEO[d.cameo.slice(0, 2)] : '') : null],
        ['Trigger', d.trigger],
        ['Role', d.role],
        ['Marked as', flags.join(', ')],
        ['Weight', e.weight + (e.weight === 1 ? ' sentence' : ' sentences')],
        ['Documents', d.documents],
        ['Dates', d.first_date ? d.first_date + (d.last_date && d.last_date !== d.first_date ? ' – ' + d.last_date : '') : null]
      ]),
      el('h3', { text: 'Evidence' + (evidence.length < e.weight ? ' (first ' + evidence.length + ' of ' + e.weight + ')' : ' (' + evidence.length + ')') }),
      el('ul', { class: 'evidence' }, evidence.map(function (ev) {
        return el('li', {}, [
          el('div', { class: 'meta', text: ev.doc + (ev.date ? ' · ' + ev.date : '') + ' · sentence ' + (ev.sentence + 1) }),
          sentence(ev, e)
        ]);
      }))
    );
  }

  function select(what, center) {
    selected = what && (what.node || what.edge) ? what : null;
    if (!selected) {
      showOverview();
      delete body.dataset.selected;
    } else if (selected.node) {
      showNode(selected.node);
      body.dataset.selected = selected.node.id;
      if (center) {
        centerOn(selected.node);
      }
    } else {
      showEdge(selected.edge);
      body.dataset.selected = 'edge:' + selected.edge.index;
      if (center) {
        fitTo([selected.edge.source, selected.edge.target], Math.max(view.k, 1));
      }
    }
    panel.scrollTop = 0;
    requestDraw();
  }

  function centerOn(n) {
    view.k = Math.max(view.k, 1.2);
    view.x = width / 2 - n.x * view.k;
    view.y = height / 2 - n.y * view.k;
  }

  // ---- search and filters -----------------------------------------------------

  function updateSearch(move) {
    var q = fold(searchInput.value.trim());
    matches = [];
    var hidden = 0;
    if (q) {
      nodes.forEach(function (n) {
        if (n.keys.some(function (k) { return k.indexOf(q) >= 0; })) {
          if (n.visible) {
            matches.push(n);
          } else {
            hidden++;
          }
        }
      });
      matches.sort(function (a, b) {
        var ea = a.keys.indexOf(q) >= 0 ? 0 : 1;
        var eb = b.keys.indexOf(q) >= 0 ? 0 : 1;
        return ea - eb || (b.data.mentions || 0) - (a.data.mentions || 0) || a.index - b.index;
      });
    }
    matchSet = new Set(matches);
    matchCursor = -1;
    searchCount.textContent = !q ? '' : (matches.length === 1 ? '1 match' : matches.length + ' matches') +
      (hidden ? ' (' + hidden + ' filtered out)' : '');
    body.dataset.searchMatches = String(matches.length);
    if (move && matches.length) {
      if (matches.length === 1) {
        centerOn(matches[0]);
      } else {
        fitTo(matches, 2);
      }
    }
    requestDraw();
  }

  function nextMatch() {
    if (!matches.length) {
      return;
    }
    matchCursor = (matchCursor + 1) % matches.length;
    select({ node: matches[matchCursor] }, true);
  }

  function buildFilters() {
    var types = document.getElementById('type-filters');
    var present = {};
    nodes.forEach(function (n) {
      present[n.type] = (present[n.type] || 0) + 1;
    });
    Object.keys(present).sort().forEach(function (t) {
      typeOn[t] = true;
      var box = el('input', { type: 'checkbox', checked: '' });
      box.addEventListener('change', function () {
        typeOn[t] = box.checked;
        applyFilters();
      });
      var s = typeStyle(t);
      types.appendChild(el('label', { title: s.name }, [box, el('span', { class: 'swatch ' + t, style: 'background:' + s.fill + ';border-color:' + s.stroke }), t + ' ' + present[t]]));
    });
    var kinds = document.getElementById('kind-filters');
    var counts = {};
    edges.forEach(function (e) {
      counts[e.kind] = (counts[e.kind] || 0) + 1;
    });
    Object.keys(counts).sort(function (a, b) { return kindRank(a) - kindRank(b) || (a < b ? -1 : 1); }).forEach(function (k) {
      kindOn[k] = true;
      var box = el('input', { type: 'checkbox', checked: '' });
      box.addEventListener('change', function () {
        kindOn[k] = box.checked;
        applyFilters();
      });
      kinds.appendChild(el('label', {}, [box, el('span', { class: 'line', style: 'border-color:' + kindStyle(k).color }), kindStyle(k).name + ' ' + counts[k]]));
    });
    minWeightInput.max = String(maxWeight);
    minWeightInput.disabled = maxWeight <= 1;
    minWeightInput.addEventListener('input', function () {
      minWeight = Number(minWeightInput.value) || 1;
      minWeightValue.textContent = String(minWeight);
      applyFilters();
    });
    hideIsolatedInput.addEventListener('change', applyFilters);
    var colourSelect = document.getElementById('colour-by');
    if (nodes.some(function (n) { return typeof n.data.community === 'number'; })) {
      colourSelect.addEventListener('change', function () {
        colourBy = colourSelect.value;
        requestDraw();
      });
    } else {
      colourSelect.parentNode.hidden = true;
    }
    searchInput.addEventListener('input', function () {
      updateSearch(true);
    });
    searchInput.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter') {
        ev.preventDefault();
        nextMatch();
      } else if (ev.key === 'Escape') {
        searchInput.value = '';
        updateSearch(false);
        searchInput.blur();
      }
    });
  }

  // ---- pointer and keyboard -----------------------------------------------------

  var drag = null;

  function local(ev) {
    var rect = canvas.getBoundingClientRect();
    return { x: ev.clientX - rect.left, y: ev.clientY - rect.top };
  }

  function showTooltip(p, text) {
    if (!text) {
      tooltip.hidden = true;
      return;
    }
    tooltip.textContent = text;
    tooltip.hidden = false;
    tooltip.style.left = Math.min(p.x + 14, width - 200) + 'px';
    tooltip.style.top = (p.y + 14) + 'px';
  }

  function bindPointer() {
    canvas.addEventListener('pointerdown', function (ev) {
      var p = local(ev);
      var n = nodeAt(p);
      drag = { node: n, start: p, view: { x: view.x, y: view.y }, moved: false };
      try {
        canvas.setPointerCapture(ev.pointerId);
      } catch (err) {
        // Synthetic or already released pointers cannot be captured.
      }
      canvas.classList.add('dragging');
      showTooltip(p, null);
    });
    canvas.addEventListener('pointermove', function (ev) {
      var p = local(ev);
      if (drag) {
        var dx = p.x - drag.start.x, dy = p.y - drag.start.y;
        if (!drag.moved && dx * dx + dy * dy > 9) {
          drag.moved = true;
        }
        if (drag.moved) {
          if (drag.node) {
            var w = toWorld(p);
            drag.node.x = w.x;
            drag.node.y = w.y;
          } else {
            view.x = drag.view.x + dx;
            view.y = drag.view.y + dy;
          }
          requestDraw();
        }
        return;
      }
      var n = nodeAt(p);
      var e = n ? null : edgeAt(p);
      if (hoverNode !== n) {
        hoverNode = n;
        requestDraw();
      }
      canvas.classList.toggle('pointing', !!(n || e));
      if (n) {
        showTooltip(p, n.label + ' (' + n.type + ', ' + n.data.mentions + ' mentions)');
      } else if (e) {
        showTooltip(p, e.source.label + (e.directed ? ' → ' : ' — ') + e.target.label + ': ' + kindLabel(e) + ', weight ' + e.weight);
      } else {
        showTooltip(p, null);
      }
    });
    function end(ev) {
      if (!drag) {
        return;
      }
      var p = local(ev);
      if (!drag.moved && ev.type === 'pointerup') {
        var n = nodeAt(p);
        var e = n ? null : edgeAt(p);
        select(n ? { node: n } : e ? { edge: e } : null, false);
      }
      drag = null;
      canvas.classList.remove('dragging');
    }
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
    canvas.addEventListener('pointerleave', function () {
      showTooltip(null, null);
      if (hoverNode) {
        hoverNode = null;
        requestDraw();
      }
    });
    canvas.addEventListener('wheel', function (ev) {
      ev.preventDefault();
      var delta = ev.deltaY * (ev.deltaMode === 1 ? 16 : ev.deltaMode === 2 ? 400 : 1);
      zoomAt(local(ev), Math.exp(-delta * 0.0015));
    }, { passive: false });
    canvas.addEventListener('dblclick', function (ev) {
      zoomAt(local(ev), 1.6);
    });
    document.getElementById('zoom-in').addEventListener('click', function () {
      zoomAt({ x: width / 2, y: height / 2 }, 1.4);
    });
    document.getElementById('zoom-out').addEventListener('click', function () {
      zoomAt({ x: width / 2, y: height / 2 }, 1 / 1.4);
    });
    document.getElementById('fit').addEventListener('click', function () {
      fitTo(visibleNodes(), 1.5);
      requestDraw();
    });
    document.addEventListener('keydown', function (ev) {
      var tag = ev.target && ev.target.tagName;
      if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || ev.ctrlKey || ev.metaKey || ev.altKey) {
        return;
      }
      var center = { x: width / 2, y: height / 2 };
      if (ev.key === '/') {
        ev.preventDefault();
        searchInput.focus();
      } else if (ev.key === '+' || ev.key === '=') {
        zoomAt(center, 1.4);
      } else if (ev.key === '-') {
        zoomAt(center, 1 / 1.4);
      } else if (ev.key === '0') {
        fitTo(visibleNodes(), 1.5);
        requestDraw();
      } else if (ev.key === 'Escape') {
        select(null);
      } else if (ev.key.indexOf('Arrow') === 0) {
        var step = 60;
        view.x += ev.key === 'ArrowLeft' ? step : ev.key === 'ArrowRight' ? -step : 0;
        view.y += ev.key === 'ArrowUp' ? step : ev.key === 'ArrowDown' ? -step : 0;
        requestDraw();
      }
    });
    window.addEventListener('resize', function () {
      resize();
      requestDraw();
    });
  }

  // The URL fragment can preset the view: #q=name, #select=id-or-label,
  // #edge=index (into the edge list), #types=PER,ORG, #min-weight=2,
  // #colour=community.
  function applyHash() {
    var params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
    if (params.has('types')) {
      var wanted = params.get('types').split(',');
      Object.keys(typeOn).forEach(function (t) {
        typeOn[t] = wanted.indexOf(t) >= 0;
      });
      document.querySelectorAll('#type-filters input').forEach(function (box, i) {
        box.checked = typeOn[Object.keys(typeOn).sort()[i]];
      });
    }
    if (params.has('min-weight')) {
      minWeight = Math.max(1, Math.min(maxWeight, Number(params.get('min-weight')) || 1));
      minWeightInput.value = String(minWeight);
      minWeightValue.textContent = String(minWeight);
    }
    if (params.get('colour') === 'community' && !document.getElementById('colour-by').parentNode.hidden) {
      colourBy = 'community';
      document.getElementById('colour-by').value = 'community';
    }
    applyFilters();
    if (params.has('q')) {
      searchInput.value = params.get('q');
      updateSearch(true);
    }
    if (params.has('select')) {
      var wanted = params.get('select');
      var n = nodeById.get(wanted) || nodes.find(function (m) {
        return fold(m.label) === fold(wanted);
      });
      if (n && n.visible) {
        select({ node: n }, true);
      }
    }
    if (params.has('edge')) {
      var e = edges[Number(params.get('edge'))];
      if (e && e.visible) {
        select({ edge: e }, true);
      }
    }
  }

  // ---- start ----------------------------------------------------------------------

  resize();
  var started = performance.now();
  layout();
  body.dataset.layoutMs = String(Math.round(performance.now() - started));
  buildFilters();
  fitTo(nodes, 1.5);
  showOverview();
  applyHash();
  draw();
  bindPointer();
  // For tests and the browser console: where things are on screen.
  window.nergraph = {
    screenPosition: function (id) {
      var n = nodeById.get(id);
      return n ? { x: n.x * view.k + view.x, y: n.y * view.k + view.y } : null;
    },
    edgePoint: function (index, t) {
      var e = edges[index];
      if (!e) {
        return null;
      }
      var c = controlPoint(e);
      var x = (1 - t) * (1 - t) * e.source.x + 2 * (1 - t) * t * c.x + t * t * e.target.x;
      var y = (1 - t) * (1 - t) * e.source.y + 2 * (1 - t) * t * c.y + t * t * e.target.y;
      return { x: x * view.k + view.x, y: y * view.k + view.y };
    },
    zoom: function () {
      return view.k;
    },
    hit: function (p) {
      var n = nodeAt(p);
      var e = n ? null : edgeAt(p);
      return n ? n.id : e ? 'edge:' + e.index : null;
    }
  };
  body.dataset.totalNodes = String(nodes.length);
  body.dataset.totalEdges = String(edges.length);
  body.dataset.ready = 'true';
})();
