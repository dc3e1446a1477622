package io.cassmon.stack.grafana;

/** One query of one panel, with the dashboard's variables substituted: ready to send to Prometheus. */
public record PanelQuery(String dashboardUid, String panelTitle, String panelType, String refId, String expr,
                         boolean instant) {
    @Override
    public String toString() {
        return dashboardUid + " \"" + panelTitle + "\" " + refId + ": " + expr;
    }
}
