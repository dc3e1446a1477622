package io.cassmon.stack.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A panel of a dashboard, rows included. */
public record Panel(String dashboardUid, JsonNode json) {
    public String type() {
        return json.path("type").asText();
    }

    public String title() {
        return json.path("title").asText();
    }

    public int id() {
        return json.path("id").asInt();
    }

    public boolean isRow() {
        return "row".equals(type());
    }

    /** The panel's PromQL queries, as written (variables not substituted). */
    public List<Query> queries() {
        List<Query> queries = new ArrayList<>();
        for (JsonNode target : json.path("targets")) {
            queries.add(new Query(target.path("refId").asText(), target.path("expr").asText(),
                    target.path("instant").asBoolean(false)));
        }
        return queries;
    }

    @Override
    public String toString() {
        return dashboardUid + " panel " + id() + " \"" + title() + "\"";
    }

    /** One target of a panel. */
    public record Query(String refId, String expr, boolean instant) {
    }
}
