// Trace formats: text, libCacheSim's oracleGeneral and CSV, each also zstd-compressed, give the
// references the test wrote; malformed files are refused with the place named.
#include "replay_helpers.h"

#include "replay/formats.h"
#include "scenario/loader.h"
#include "util/rng.h"

#include <catch2/catch.hpp>

#include <map>

using namespace rs;
using namespace replay_test;
using replay::Format;

namespace {

std::shared_ptr<const replay::Trace> open_path(const std::string& path, replay::TraceOptions o = {}) {
    return replay::open_trace(replay::open_file(path, path), path, o);
}

std::string error_of(const std::string& path, replay::TraceOptions o = {}) {
    try {
        open_path(path, o);
    } catch (const replay::TraceError& e) {
        return e.what();
    }
    return "(no error)";
}

// Requests over random 64-bit ids, one page each (sizes up to 4096), and the pages the
// documented rule gives them: ids numbered densely in first-seen order.
struct Workload {
    std::vector<Req> reqs;
    std::vector<std::uint32_t> pages;
};
Workload one_page_workload(std::size_t n, std::uint64_t seed) {
    Rng rng(seed);
    std::vector<std::uint64_t> ids(500);
    for (auto& id : ids) id = rng.next();
    ids[7] = 0;                      // the id that is an empty key in naive tables
    ids[8] = ~std::uint64_t{0};
    Workload w;
    std::map<std::uint64_t, std::uint32_t> rank;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t id = ids[rng.below(ids.size())];
        w.reqs.push_back(Req{id, static_cast<std::uint32_t>(rng.below(4097))});
        const auto it = rank.emplace(id, static_cast<std::uint32_t>(rank.size())).first;
        w.pages.push_back(it->second);
    }
    return w;
}

} // namespace

TEST_CASE("every format round-trips the references of the text form") {
    const Workload w = one_page_workload(300'000, 11); // text and CSV over 1 MiB: lines cross blocks
    const std::string files[][2] = {
        {"w.txt", text(w.pages)},
        {"w.txt.zst", zstd(text(w.pages))},
        {"w.oracleGeneral", oracle_general(w.reqs)},
        {"w.oracleGeneral.zst", zstd(oracle_general(w.reqs))},
        {"w.csv", csv(w.reqs)},
        {"w.csv.zst", zstd(csv(w.reqs))},
    };
    const Format formats[] = {Format::Text, Format::Text, Format::OracleGeneral, Format::OracleGeneral, Format::Csv, Format::Csv};
    for (std::size_t i = 0; i < std::size(files); ++i) {
        INFO(files[i][0]);
        const auto t = open_path(write_file(files[i][0], files[i][1]));
        CHECK(t->info().format == formats[i]);
        CHECK(t->info().compressed == (i % 2 == 1));
        CHECK(t->info().refs == w.pages.size());
        CHECK(t->info().pages == *std::max_element(w.pages.begin(), w.pages.end()) + 1u);
        const auto c = t->open();
        CHECK(drain(*c) == w.pages);
        CHECK(c->error().empty());
    }
}

TEST_CASE("an object larger than a page covers ceil(size / 4096) pages in first-seen order") {
    // Object 900 is first seen with 5000 bytes but once asks for 12289 (4 pages): it covers 4.
    const std::vector<Req> reqs = {{900, 5000}, {7, 1}, {900, 12289}, {55, 0}, {7, 8192}, {900, 4096}};
    const std::string path = write_file("sizes.oracleGeneral", oracle_general(reqs));
    const auto t = open_path(path);
    // 900 -> pages 0..3, 7 -> 4..5 (8192 bytes at most), 55 -> 6.
    CHECK(drain(*t->open()) == std::vector<std::uint32_t>{0, 1, 4, 0, 1, 2, 3, 6, 4, 5, 0});
    CHECK(t->info().pages == 7);
    CHECK(t->info().requests == 6);
    CHECK(t->info().refs == 11);
    replay::TraceOptions one;
    one.one_page_per_request = true;
    const auto t1 = open_path(path, one);
    CHECK(drain(*t1->open()) == std::vector<std::uint32_t>{0, 1, 0, 2, 1, 0});
    CHECK(t1->info().pages == 3);
    // The CSV form agrees.
    CHECK(drain(*open_path(write_file("sizes.csv", csv(reqs)))->open()) ==
          std::vector<std::uint32_t>{0, 1, 4, 0, 1, 2, 3, 6, 4, 5, 0});
}

TEST_CASE("a loop starts over and tasks sharing a trace read their own positions") {
    const Workload w = one_page_workload(1000, 5);
    const auto t = open_path(write_file("loop.oracleGeneral", oracle_general(w.reqs)));
    auto a = t->open(), b = t->open();
    std::uint32_t p = 0;
    // a runs two and a half passes while b reads its first 10 references in between.
    for (std::uint64_t n = 0; n < 2500; ++n) {
        REQUIRE(a->at(n, true, p));
        CHECK(p == w.pages[n % 1000]);
        if (n < 10) {
            REQUIRE(b->at(n, false, p));
            CHECK(p == w.pages[n]);
        }
    }
    // Asked again (an access that did not complete), the same reference.
    REQUIRE(a->at(2499, true, p));
    CHECK(p == w.pages[499]);
    REQUIRE(b->at(10, false, p));
    CHECK(p == w.pages[10]);
}

TEST_CASE("malformed oracleGeneral data is refused with the record and byte offset") {
    const std::vector<Req> reqs = {{1, 4096}, {2, 4096}, {3, 4096}};
    std::string bytes = oracle_general(reqs);
    bytes.resize(58); // two whole records and 10 bytes of the third
    CHECK_THAT(error_of(write_file("cut.oracleGeneral", bytes)),
               Catch::Contains("cut.oracleGeneral: record 3 at byte offset 48 is truncated (10 of 24 bytes)") &&
                   Catch::Contains("58 bytes"));
    // Compressed, the size is not known ahead: the last record is found short while reading.
    CHECK_THAT(error_of(write_file("cut.oracleGeneral.zst", zstd(bytes))),
               Catch::Contains("cut.oracleGeneral.zst: record 3 at byte offset 48 is truncated (10 of 24 bytes)"));
    // One byte short of a record.
    bytes = oracle_general(reqs);
    bytes.pop_back();
    CHECK_THAT(error_of(write_file("short.bin", bytes)), Catch::Contains("record 3 at byte offset 48 is truncated (23 of 24 bytes)"));
    // A text trace named as a binary one.
    CHECK_THAT(error_of(write_file("pages.bin", text({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}))),
               Catch::Contains("pages.bin: the data is text, not oracleGeneral records"));
}

TEST_CASE("a CSV without an object id column is refused and bad CSV lines name the line") {
    CHECK_THAT(error_of(write_file("noid.csv", "clock_time,obj_size\n1,4096\n")),
               Catch::Contains("noid.csv:1: the CSV header (clock_time, obj_size) names no object id column"));
    CHECK_THAT(error_of(write_file("headless.csv", "1,2,4096\n")), Catch::Contains("headless.csv:1: the CSV header (1, 2, 4096)"));
    CHECK_THAT(error_of(write_file("badid.csv", "obj_id,obj_size\n1,4096\n\nx7,4096\n")),
               Catch::Contains("badid.csv:4: the object id 'x7' is not a non-negative integer"));
    CHECK_THAT(error_of(write_file("short.csv", "time,obj_id,obj_size\n1,2,3\n4,5\n")),
               Catch::Contains("short.csv:3: expected 3 columns as the header names, got 2"));
    // Without a size column every request is one page; any column order.
    const auto t = open_path(write_file("idonly.csv", "obj_id\n10\n20\n10\n"));
    CHECK(drain(*t->open()) == std::vector<std::uint32_t>{0, 1, 0});
}

TEST_CASE("corrupt or truncated zstd data is refused with the compressed offset") {
    const Workload w = one_page_workload(20'000, 3);
    const std::string good = zstd(oracle_general(w.reqs));
    std::string bad = good;
    for (std::size_t i = bad.size() / 2; i < bad.size() / 2 + 64; ++i) bad[i] = static_cast<char>(bad[i] ^ 0x5a);
    CHECK_THAT(error_of(write_file("bad.oracleGeneral.zst", bad)),
               Catch::Contains("bad.oracleGeneral.zst: corrupt zstd data near compressed byte"));
    CHECK_THAT(error_of(write_file("cut.oracleGeneral.zst", good.substr(0, good.size() / 2))),
               Catch::Contains("cut.oracleGeneral.zst: truncated zstd data"));
    CHECK_THAT(error_of(write_file("plain.oracleGeneral.zst", oracle_general(w.reqs))),
               Catch::Contains("plain.oracleGeneral.zst: not zstd data"));
}

TEST_CASE("text traces: errors name the line also past the first block") {
    std::string t = text(std::vector<std::uint32_t>(250'000, 3)); // line 1 is the comment
    t += "db 12\n-5\n";
    const std::string path = write_file("long.txt", t);
    CHECK_THAT(error_of(path), Catch::Contains(path + ":250003: '-5' is not a page number"));
    // Binary data read as text says what it may be.
    CHECK_THAT(error_of(write_file("bin.txt", oracle_general({{1, 4096}}))),
               Catch::Contains("is not a page number") && Catch::Contains("\"format\": \"oracleGeneral\""));
}

TEST_CASE("the format follows the name unless the replay phase gives one") {
    CHECK(replay::detect_format("a/b.txt") == Format::Text);
    CHECK(replay::detect_format("trace") == Format::Text);
    CHECK(replay::detect_format("w82.oracleGeneral.zst") == Format::OracleGeneral);
    CHECK(replay::detect_format("x.bin") == Format::OracleGeneral);
    CHECK(replay::detect_format("x.CSV.zst") == Format::Csv);
    const std::vector<Req> reqs = {{40, 4096}, {41, 4096}, {40, 4096}};
    write_file("reqs.dat", oracle_general(reqs));
    const std::string scenario = R"({"reclaimscope_scenario": 1, "title": "t", "machine": {"ram": "256M"},
        "tasks": [{"name": "a", "phases": [{"replay": "reqs.dat", "format": "oracleGeneral", "rate": 1000}]},
                  {"name": "b", "phases": [{"replay": "reqs.dat", "format": "oracleGeneral", "rate": 1000}]}],
        "duration": "1s"})";
    const auto sc = load_scenario_text(scenario, "s.json", temp_dir().string());
    REQUIRE(sc);
    const auto& a = sc->config.tasks[0].phases[0];
    CHECK(a.trace->info().refs == 3);
    CHECK(a.trace->info().pages == 2);
    CHECK(a.trace == sc->config.tasks[1].phases[0].trace); // scanned once, shared
    // Without the key, the name says text: the binary content does not fit.
    std::string no_key = scenario;
    no_key.erase(no_key.find(R"("format": "oracleGeneral", )"), std::string(R"("format": "oracleGeneral", )").size());
    const auto r = load_scenario_text(no_key, "s.json", temp_dir().string());
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error(), Catch::Contains("s.json: /tasks/0/phases/0/replay: reqs.dat:1:"));
    std::string bad = scenario;
    bad.replace(bad.find("\"oracleGeneral\""), 15, "\"parquet\"");
    CHECK_THAT(load_scenario_text(bad, "s.json", temp_dir().string()).error(),
               Catch::Contains("/tasks/0/phases/0/format: expected \"text\", \"oracleGeneral\" or \"csv\", got \"parquet\""));
}
