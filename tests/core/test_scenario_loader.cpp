// The scenario loader: a corpus of malformed files, each refused with its message; traces;
// files that refer to other files; titles and explanations in two languages.
#include "scenario/loader.h"
#include "scenario/builtin.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace rs;
namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
const fs::path kDir = fs::path(RS_TEST_DATA) / "scenarios";

Result<Scenario> load_with_texts(const std::string& title, const std::string& explanation) {
    const std::string text = R"({"reclaimscope_scenario": 1, "title": )" + title + R"(, "explanation": )" + explanation +
                             R"(, "machine": {"ram": "1G"}, "tasks": []})";
    return load_scenario_text(text, "t.json", "", {}, false);
}
} // namespace

TEST_CASE("every malformed scenario in the corpus is refused with its message") {
    int n = 0;
    for (const auto& entry : fs::directory_iterator(kDir / "bad")) {
        if (entry.path().extension() != ".json") continue;
        ++n;
        const std::string path = entry.path().string();
        std::string expect = slurp(fs::path(entry.path()).replace_extension(".expect"));
        while (!expect.empty() && expect.back() == '\n') expect.pop_back();
        INFO(path);
        const auto r = load_scenario_file(path);
        REQUIRE_FALSE(r);
        // The message names the file first, then the place.
        CHECK(r.error().rfind(path, 0) == 0);
        CHECK_THAT(r.error(), Catch::Contains(expect));
    }
    CHECK(n >= 25);
}

TEST_CASE("syntax errors give the line and column") {
    const auto r = load_scenario_text("{\n  \"title\": \"x\"\n  \"machine\": {}\n}", "t.json", "");
    REQUIRE_FALSE(r);
    CHECK(r.error().rfind("t.json:3:", 0) == 0); // where parsing stopped: after the unexpected token
    CHECK_THAT(r.error(), Catch::Contains("unexpected string literal; expected '}'"));
}

TEST_CASE("a missing file is named with the reason") {
    const auto r = load_scenario_file("/nonexistent/dir/s.json");
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error(), Catch::Contains("cannot read '/nonexistent/dir/s.json'") && Catch::Contains("No such file"));
}

TEST_CASE("traces keep the lines of their task and those without a task") {
    const auto t = parse_trace("# comment\n1\n\na 2\nb 3\n4,\n a\t5 \n", "t.txt", "a");
    REQUIRE(t);
    CHECK(*t == std::vector<std::uint32_t>{1, 2, 4, 5});
    CHECK_THAT(parse_trace("1\nx y z\n", "t.txt", "a").error(), Catch::Contains("t.txt:2: expected PAGE or TASK PAGE"));
    CHECK_THAT(parse_trace("2147483648\n", "t.txt", "a").error(), Catch::Contains("is not a page number"));
}

TEST_CASE("a replayed trace misses once per distinct page and hits after") {
    const auto sc = load_scenario_file((kDir / "good" / "replay.json").string());
    REQUIRE(sc);
    auto e = Engine::create(sc->config);
    REQUIRE(e);
    e.value()->run_until(sc->duration_ns);
    const auto st = e.value()->task_stats()[0];
    // 1000 accesses among pages 0..99 (the "other" task's line is not ours); 256 MiB holds all.
    CHECK(st.accesses == 1000);
    CHECK(st.page_cache_misses == 100);
    CHECK(st.page_cache_hits == 900);
}

TEST_CASE("a load's control sees the trace read and its cancel stops the load but not the replay") {
    const std::string path = (kDir / "good" / "replay.json").string();
    const auto trace_size = fs::file_size(kDir / "good" / "trace-100-pages.txt");
    {
        LoadControl control;
        const auto sc = load_scenario_file(path, &control);
        REQUIRE(sc);
        const auto p = control.progress();
        CHECK(p.file == "trace trace-100-pages.txt");
        CHECK(p.size == trace_size);
        CHECK(p.bytes >= trace_size); // the scan (and the 4 bytes of the zstd check)
        // The replay's cursors read copies without the control: a cancel after the load stops
        // nothing (with the pointer kept, the first read would throw "cancelled").
        control.cancel();
        auto e = Engine::create(sc->config);
        REQUIRE(e);
        e.value()->run_until(sc->duration_ns);
        CHECK(e.value()->task_stats()[0].accesses == 1000);
    }
    LoadControl cancelled;
    cancelled.cancel();
    const auto r = load_scenario_file(path, &cancelled);
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error(), Catch::Contains("/tasks/0/phases/0/replay: trace-100-pages.txt: cancelled"));
}

TEST_CASE("a scenario can clone the seed chapter's machine from its zoneinfo") {
    const auto sc = load_scenario_file((kDir / "good" / "chapter-machine.json").string());
    REQUIRE(sc);
    CHECK(sc->name == "chapter-machine");
    CHECK(sc->config.machine.cpus == 4);
    CHECK(sc->config.machine.kernel_version == 515);
    auto e = Engine::create(sc->config);
    REQUIRE(e);
    e.value()->run_until(sc->duration_ns);
    // The chapter's numbers after the write: DMA32 min/low/high 565534/706917/848300.
    const auto& dma32 = e.value()->kernel().machine.nodes[0].zones[1];
    CHECK(dma32.min_wmark_pages() == 565534);
    CHECK(dma32.low_wmark_pages() == 706917);
    CHECK(dma32.high_wmark_pages() == 848300);
}

TEST_CASE("built-in scenario files are valid against their own loader and name themselves") {
    for (const auto& e : embedded_scenarios()) {
        INFO(e.name);
        const auto r = load_scenario_text(e.text, std::string(e.name) + ".json", "");
        REQUIRE(r);
        CHECK(r->name == e.name);
    }
}

TEST_CASE("a scenario can give nodes and zones explicitly") {
    const auto sc = load_scenario_file((kDir / "good" / "explicit-zones.json").string());
    REQUIRE(sc);
    const auto& m = sc->config.machine;
    REQUIRE(m.nodes.size() == 2);
    CHECK(m.nodes[0].zones[0].managed == 15 * 256);
    CHECK(m.nodes[0].zones[1].present == 2048 * 256);
    CHECK(m.nodes[0].zones[1].managed == 1984 * 256);
    CHECK(m.nodes[1].zones[2].managed == 1024 * 256);
    CHECK(m.nodes[1].zones[0].managed == 0);
    auto e = Engine::create(sc->config);
    REQUIRE(e);
    e.value()->run_until(sc->duration_ns);
    // The task on node 1 allocates from node 1's Normal zone first: get_page_from_freelist()
    // takes the first zone of the local zonelist that passes the low watermark, and 600 MiB
    // leave 424 MiB free in the 1 GiB zone, far above it. So all 600 MiB came from there.
    CHECK(e.value()->kernel().machine.nodes[1].zones[2].nr_free_pages == (1024 - 600) * 256);
    CHECK(e.value()->kernel().vmstat[PGALLOC_NORMAL] == 600 * 256);
}

TEST_CASE("a scenario text is a string or an object of translations") {
    const auto plain = load_with_texts(R"("Watermarks")", R"("kswapd wakes at low.")");
    REQUIRE(plain);
    CHECK(plain->title.en == "Watermarks");
    CHECK(plain->title.zh_CN.empty());
    CHECK(plain->title.in("zh_CN") == "Watermarks"); // no translation: English
    CHECK(plain->explanation.in("en") == "kswapd wakes at low.");

    const auto both = load_with_texts(R"({"en": "Watermarks", "zh_CN": "水线"})",
                                      R"({"zh_CN": "kswapd 在低水线醒来。", "en": "kswapd wakes at low."})");
    REQUIRE(both);
    CHECK(both->title.in("en") == "Watermarks");
    CHECK(both->title.in("zh_CN") == "水线");
    CHECK(both->title.in("zh-CN") == "水线");
    CHECK(both->explanation.in("zh_CN") == "kswapd 在低水线醒来。");
    // Languages without a translation fall back to English.
    for (const char* other : {"", "de", "zh_TW", "zh", "fr_FR"}) {
        INFO(other);
        CHECK(both->title.in(other) == "Watermarks");
        CHECK(both->explanation.in(other) == "kswapd wakes at low.");
    }
    // The engine's (and so the charts') title is the English one.
    CHECK(both->config.title == "Watermarks");

    const auto en_only = load_with_texts(R"({"en": "Watermarks"})", R"({"en": ""})");
    REQUIRE(en_only);
    CHECK(en_only->title.in("zh_CN") == "Watermarks");
    CHECK(en_only->explanation.en.empty());
}

TEST_CASE("a title has at most 120 characters in each language - not bytes") {
    std::string zh;
    for (int i = 0; i < 120; ++i) zh += "水"; // 360 bytes
    const auto ok = load_with_texts(R"({"en": "x", "zh_CN": ")" + zh + R"("})", R"("")");
    REQUIRE(ok);
    CHECK(ok->title.zh_CN == zh);
    const auto too_long = load_with_texts(R"({"en": "x", "zh_CN": ")" + zh + "水" + R"("})", R"("")");
    REQUIRE_FALSE(too_long);
    CHECK_THAT(too_long.error(), Catch::Contains("/title/zh_CN: the title must have 1 to 120 characters"));
    const auto empty = load_with_texts(R"({"en": "", "zh_CN": "水线"})", R"("")");
    REQUIRE_FALSE(empty);
    CHECK_THAT(empty.error(), Catch::Contains("/title/en: the title must have 1 to 120 characters"));
}

TEST_CASE("the schema allows exactly the loader's languages for title and explanation") {
    std::ifstream in(fs::path(RS_TEST_DATA) / ".." / ".." / "resources" / "scenario.schema.json");
    REQUIRE(in);
    const auto schema = nlohmann::json::parse(in);
    const std::set<std::string> languages(kTextLanguages.begin(), kTextLanguages.end());
    for (const char* key : {"title", "explanation"}) {
        INFO(key);
        const auto& forms = schema.at("properties").at(key).at("oneOf");
        REQUIRE(forms.size() == 2);
        CHECK(forms[0].at("type") == "string");
        const auto& object = forms[1];
        CHECK(object.at("additionalProperties") == false);
        CHECK(object.at("required") == nlohmann::json::array({"en"}));
        std::set<std::string> keys;
        for (auto it = object.at("properties").begin(); it != object.at("properties").end(); ++it) keys.insert(it.key());
        CHECK(keys == languages);
    }
}

TEST_CASE("every language of a scenario text has its own field") {
    LocalizedText t;
    std::set<const std::string*> fields;
    for (const auto lang : kTextLanguages) {
        INFO(lang);
        REQUIRE(t.field(lang));
        fields.insert(t.field(lang));
    }
    CHECK(fields.size() == kTextLanguages.size());
    CHECK(t.field("en") == &t.en);
    CHECK(t.field("zh_CN") == &t.zh_CN);
    CHECK(t.field("fr") == nullptr);
}
