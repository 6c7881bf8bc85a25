#!/usr/bin/env python3
"""Load graph.graphml, graph.gexf and graph.json of an export directory with
NetworkX and compare them with nodes.csv and edges.csv: node and edge counts,
and attribute values with their types (numbers as int/float, not str).

Usage: networkx_check.py DIR   (prints one line per format; exit 1 on failure)
"""

import csv
import json
import math
import sys
from pathlib import Path

import networkx as nx

NODE_INTS = ["mentions", "documents", "degree", "weighted_degree", "component", "community"]
EDGE_INTS = ["documents"]
EDGE_BOOLS = ["former", "reported", "directed"]


def defused(value):
    """The CSV cell of a value: formula characters get a leading apostrophe."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def check(name, graph, nodes, edges, weight_type):
    # read_gexf returns a DiGraph when no two edges share their endpoints.
    assert graph.is_directed(), f"{name}: {type(graph)} is not directed"
    if name != "gexf":
        assert graph.is_multigraph(), f"{name}: {type(graph)} is not a multigraph"
    assert graph.number_of_nodes() == len(nodes), f"{name}: {graph.number_of_nodes()} nodes"
    assert graph.number_of_edges() == len(edges), f"{name}: {graph.number_of_edges()} edges"
    for row in nodes:
        data = graph.nodes[row["id"]]
        assert defused(data["label"]) == row["label"], (name, data["label"], row["label"])
        assert data["type"] == row["type"], (name, row["id"])
        for key in NODE_INTS:
            value = data[key]
            assert type(value) is int, f"{name}: node {key} is {type(value).__name__}"
            assert value == int(row[key]), (name, key, value, row[key])
        rank = data["pagerank"]
        assert type(rank) is float, f"{name}: pagerank is {type(rank).__name__}"
        assert math.isclose(rank, float(row["pagerank"]), rel_tol=1e-12), (name, rank)
    expected = sorted(
        (e["source"], e["target"], e["relation"], int(e["weight"]), int(e["documents"]), e["directed"] == "true")
        for e in edges
    )
    seen = []
    for s, t, data in graph.edges(data=True):
        weight = data["weight"]
        assert type(weight) is weight_type, f"{name}: weight is {type(weight).__name__}"
        for key in EDGE_INTS:
            assert type(data[key]) is int, f"{name}: edge {key} is {type(data[key]).__name__}"
        for key in EDGE_BOOLS:
            assert type(data[key]) is bool, f"{name}: edge {key} is {type(data[key]).__name__}"
        relation = data["relation"] if "relation" in data else data["label"]
        seen.append((s, t, relation, int(weight), data["documents"], data["directed"]))
    assert sorted(seen) == expected, f"{name}: edges differ from edges.csv"
    print(f"{name}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")


def main():
    out = Path(sys.argv[1])
    nodes = read_csv(out / "nodes.csv")
    edges = read_csv(out / "edges.csv")
    check("graphml", nx.read_graphml(out / "graph.graphml", force_multigraph=True), nodes, edges, int)
    check("gexf", nx.read_gexf(out / "graph.gexf"), nodes, edges, float)
    with open(out / "graph.json", encoding="utf-8") as f:
        data = json.load(f)
    try:
        graph = nx.node_link_graph(data, edges="links")
    except TypeError:  # NetworkX before 3.4
        graph = nx.node_link_graph(data, link="links")
    check("json", graph, nodes, edges, int)


if __name__ == "__main__":
    main()
