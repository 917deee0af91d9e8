package io.imagestreams.stream.repository;

import java.util.List;

/** A WHERE fragment over the image_stream row that appends its own positional parameters. */
@FunctionalInterface
public interface SqlCondition {

    String render(List<Object> params);

    static SqlCondition all(List<SqlCondition> conditions) {
        return params -> {
            if (conditions.isEmpty()) {
                return "true";
            }
            StringBuilder sql = new StringBuilder("(");
            for (int i = 0; i < conditions.size(); i++) {
                sql.append(i == 0 ? "" : " and ").append(conditions.get(i).render(params));
            }
            return sql.append(')').toString();
        };
    }
}
