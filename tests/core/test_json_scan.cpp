// The pass before the JSON library: depth, duplicate keys, numbers as written.
#include "scenario/json_scan.h"
#include "scenario/loader.h"

#include <catch2/catch.hpp>

using namespace rs;

TEST_CASE("scan_json refuses a value nested 100000 levels deep without recursing") {
    const std::string deep = "{\"title\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
    const auto r = scan_json(deep);
    REQUIRE_FALSE(r);
    CHECK(r.error() == "1:74: the value is nested deeper than 64 levels"); // the object is level 1: its 64th [ opens level 65
    // The loader says so too, with the file's name, and nothing crashes on the way.
    const auto sc = load_scenario_text(deep, "deep.json", "");
    REQUIRE_FALSE(sc);
    CHECK(sc.error() == "deep.json:1:74: the value is nested deeper than 64 levels");
    CHECK(scan_json("[[[]]]", 3));
    CHECK_FALSE(scan_json("[[[[]]]]", 3));
}

TEST_CASE("scan_json names both places of a duplicate key") {
    const auto r = scan_json("{\"a\": 1,\n \"b\": {\"x\": 1, \"x\": 2}}");
    REQUIRE_FALSE(r);
    CHECK(r.error() == "2:16: the key \"x\" appears twice in one object (first at 2:8)");
    // The same key in two objects is no duplicate.
    CHECK(scan_json("{\"a\": {\"x\": 1}, \"b\": {\"x\": 2}, \"c\": [{\"x\": 1}, {\"x\": 2}]}"));
}

TEST_CASE("scan_json keeps every number as it was written under its JSON pointer") {
    const auto r = scan_json(R"({"seed": 18446744073709551616, "t": [1, {"a/b": -5e3}], "s": "7"})");
    REQUIRE(r);
    CHECK(r->number_text.at("/seed") == "18446744073709551616");
    CHECK(r->number_text.at("/t/0") == "1");
    CHECK(r->number_text.at("/t/1/a~1b") == "-5e3");
    CHECK(r->number_text.count("/s") == 0); // a string, not a number
}

TEST_CASE("a number beyond a field's range is quoted as the file wrote it") {
    const auto sc = load_scenario_text(
        R"({"reclaimscope_scenario": 1, "title": "t", "machine": {"ram": "256M"}, "tasks": [], "seed": 18446744073709551616})",
        "s.json", "");
    REQUIRE_FALSE(sc);
    CHECK(sc.error() == "s.json: /seed: expected an integer, got a number 18446744073709551616");
}
