package io.imagestreams.prune.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The runs API as tests use it. */
public final class Runs {

    private Runs() {
    }

    /** POSTs a run and returns its id. */
    public static String start(String body) {
        return given().contentType("application/json").body(body).when().post("/api/v1/runs").then().statusCode(202)
                .extract().path("id");
    }

    /** Waits until the run leaves {@code Planning} (or reaches {@code state}) and returns it. */
    public static JsonPath awaitState(String id, String state) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> get(id), run -> state.equals(run.getString("state")));
    }

    public static JsonPath get(String id) {
        return given().when().get("/api/v1/runs/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Every history entry of a run's plan, read page by page. */
    public static List<Map<String, Object>> items(String id) {
        return pages(id, "items");
    }

    /** Every image of a run's plan, read page by page. */
    public static List<Map<String, Object>> images(String id) {
        return pages(id, "images");
    }

    private static List<Map<String, Object>> pages(String id, String kind) {
        List<Map<String, Object>> all = new ArrayList<>();
        Integer after = null;
        do {
            JsonPath page = given().queryParam("limit", 1000).queryParams(after == null ? Map.of() : Map.of("after", after))
                    .when().get("/api/v1/runs/" + id + "/" + kind).then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items"));
            after = page.get("next");
        } while (after != null);
        return all;
    }

    /** The plan item of one history entry. */
    public static Map<String, Object> item(JsonPath run, String namespace, String tag, int position) {
        List<Map<String, Object>> items = items(run.getString("id"));
        return items.stream().filter(i -> namespace.equals(i.get("namespace")) && tag.equals(i.get("tag"))
                && Integer.valueOf(position).equals(i.get("position"))).findFirst().orElseThrow(() -> new AssertionError(
                        "no plan item " + namespace + ":" + tag + "@" + position + " in " + items));
    }

    /** The plan item of one image. */
    public static Map<String, Object> image(JsonPath run, String digest) {
        List<Map<String, Object>> images = images(run.getString("id"));
        return images.stream().filter(i -> digest.equals(i.get("image"))).findFirst()
                .orElseThrow(() -> new AssertionError("no image " + digest + " in the plan"));
    }
}
