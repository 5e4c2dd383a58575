package eu.ai4c.kit.graph;

import eu.ai4c.kit.Ai4cException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A processing graph in the shape of SNAP's graph XML: nodes that each run one operator
 * ({@code Read}, {@code Write} or an AI4C operator alias) on the products of other nodes.
 * Variables ({@code ${name}}) are already substituted. Immutable.
 *
 * @param id      the graph's {@code id} attribute (may be empty)
 * @param version the {@code <version>} text (may be empty)
 * @param nodes   nodes in document order; ids are unique
 */
public record Graph(String id, String version, List<Node> nodes) {

    public Graph {
        nodes = List.copyOf(nodes);
        Map<String, Node> seen = new HashMap<>();
        for (Node n : nodes) {
            if (seen.put(n.id(), n) != null) {
                throw Ai4cException.usage("Graph " + id + ": node id \"" + n.id() + "\" is used twice. Give each node its own id.");
            }
        }
    }

    /**
     * One node.
     *
     * @param id         unique node id
     * @param operator   operator name: {@code Read}, {@code Write} or an AI4C alias
     * @param sources    source name as written in the XML ({@code sourceProduct}, {@code sourceProduct.1},
     *                   {@code input2}) to the id of the node it refers to, in document order
     * @param parameters parameter name to its textual value, in document order; empty elements omitted
     */
    public record Node(String id, String operator, Map<String, String> sources, Map<String, String> parameters) {
        public Node {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(operator, "operator");
            sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
            parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }
    }

    /** The node with that id. */
    public Node node(String nodeId) {
        for (Node n : nodes) if (n.id().equals(nodeId)) return n;
        throw Ai4cException.usage("Graph " + id + ": no node with id \"" + nodeId + "\". Node ids: "
                + nodes.stream().map(Node::id).toList() + ".");
    }

    /**
     * The nodes in an order where each comes after all its sources (Kahn's algorithm; ties keep
     * document order, so the result is deterministic).
     *
     * @throws Ai4cException when a source refers to an unknown node or the graph has a cycle
     */
    public List<Node> topologicalOrder() {
        Map<String, Integer> pending = new LinkedHashMap<>();
        Map<String, List<Node>> consumers = new HashMap<>();
        for (Node n : nodes) {
            pending.put(n.id(), n.sources().size());
            for (Map.Entry<String, String> s : n.sources().entrySet()) {
                if (nodes.stream().noneMatch(m -> m.id().equals(s.getValue()))) {
                    throw Ai4cException.usage("Graph " + id + ": node \"" + n.id() + "\" has source " + s.getKey()
                            + " = \"" + s.getValue() + "\", which is not a node id. Node ids: "
                            + nodes.stream().map(Node::id).toList() + ".");
                }
                consumers.computeIfAbsent(s.getValue(), k -> new ArrayList<>()).add(n);
            }
        }
        Deque<Node> ready = new ArrayDeque<>();
        for (Node n : nodes) if (n.sources().isEmpty()) ready.add(n);
        List<Node> order = new ArrayList<>(nodes.size());
        while (!ready.isEmpty()) {
            Node n = ready.poll();
            order.add(n);
            for (Node c : consumers.getOrDefault(n.id(), List.of())) {
                // a node may use the same source twice (e.g. a pair from one product)
                int left = pending.merge(c.id(), -1, Integer::sum);
                if (left == 0) ready.add(c);
            }
        }
        if (order.size() < nodes.size()) {
            List<String> inCycle = nodes.stream().map(Node::id).filter(i -> pending.get(i) > 0).toList();
            throw Ai4cException.usage("Graph " + id + " has a cycle: nodes " + inCycle
                    + " depend on each other. A graph must flow from Read nodes to Write nodes.");
        }
        return order;
    }
}
