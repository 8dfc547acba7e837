package lvsdirector.heartbeat.config;

import java.util.List;

/**
 * A ping node ({@code ping IP}, {@code ping6 IP}: the node is named by its address) or a ping group
 * ({@code ping_group NAME IP...}: alive while any member answers).
 */
public record PingNode(String name, List<String> addresses, boolean ipv6) {
    public PingNode {
        addresses = List.copyOf(addresses);
    }
}
