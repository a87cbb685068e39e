// Replay streams: a trace far larger than memory is read through a fixed buffer, and the
// engine gives the same simulation from a trace's text and oracleGeneral forms.
#include "replay_helpers.h"

#include "replay/formats.h"
#include "sim/engine.h"
#include "util/rng.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>

using namespace rs;
using namespace replay_test;

namespace {

// The text form of 2^33 references, made as it is read, never stored: line i is the page
// page_of(i), zero-padded to 7 digits (fixed-width lines, so any byte's line is known).
class GeneratedText final : public replay::ByteSource {
public:
    static constexpr std::uint64_t kLines = 1ull << 33;
    static constexpr std::uint64_t kWidth = 8; // 7 digits and '\n'
    static std::uint32_t page_of(std::uint64_t i) { return static_cast<std::uint32_t>((i * 2654435761ull) % 1'000'003); }

    std::size_t read(char* buf, std::size_t n) override {
        largest_read = std::max(largest_read, n);
        std::size_t k = 0;
        while (k < n && m_pos < kLines * kWidth) {
            const std::uint64_t line = m_pos / kWidth, col = m_pos % kWidth;
            if (col == 7) {
                buf[k] = '\n';
            } else {
                std::uint32_t v = page_of(line);
                for (std::uint64_t d = 6; d > col; --d) v /= 10;
                buf[k] = static_cast<char>('0' + v % 10);
            }
            ++k;
            ++m_pos;
        }
        bytes_read += k;
        return k;
    }
    void rewind() override { m_pos = 0; }
    std::unique_ptr<ByteSource> reopen() const override { return std::make_unique<GeneratedText>(); }
    std::uint64_t size() const override { return kLines * kWidth; }
    // The test's shortcut over the middle of the stream: reading all 2^33 lines would take minutes.
    void skip_to_line(std::uint64_t line) { m_pos = line * kWidth; }

    std::size_t largest_read = 0;
    std::uint64_t bytes_read = 0;

private:
    std::uint64_t m_pos = 0;
};

} // namespace

TEST_CASE("a trace of 2^33 references streams through a bounded buffer") {
    auto src = std::make_unique<GeneratedText>();
    GeneratedText* gen = src.get();
    const auto c = replay::text_cursor(std::move(src), "generated", "app");
    const std::size_t bound = 2u << 20; // "a few MiB of buffer however long the trace"
    std::uint32_t p = 0;
    const std::uint64_t head = 1u << 20;
    for (std::uint64_t n = 0; n < head; ++n) {
        REQUIRE(c->at(n, false, p));
        REQUIRE(p == GeneratedText::page_of(n));
    }
    const std::size_t held = c->buffer_bytes();
    CHECK(held <= bound);
    // The cursor read ahead by at most its buffer, not the trace.
    CHECK(gen->bytes_read <= head * GeneratedText::kWidth + bound);
    CHECK(gen->largest_read <= bound);
    // Its buffer may still hold lines read ahead: the skip lands after them, and the cursor
    // then takes the stream's last lines as the next ones, up to the end of all 2^33.
    const std::uint64_t buffered_lines = (gen->bytes_read / GeneratedText::kWidth) - head;
    const std::uint64_t tail = 1u << 20;
    std::uint64_t n = head;
    for (; n < head + buffered_lines; ++n) REQUIRE(c->at(n, false, p));
    gen->skip_to_line(GeneratedText::kLines - tail);
    for (std::uint64_t line = GeneratedText::kLines - tail; line < GeneratedText::kLines; ++line, ++n) {
        REQUIRE(c->at(n, false, p));
        REQUIRE(p == GeneratedText::page_of(line));
    }
    CHECK(p == GeneratedText::page_of(GeneratedText::kLines - 1));
    CHECK_FALSE(c->at(n, false, p)); // the end, after reference 2^33 - 1
    CHECK(c->error().empty());
    CHECK(c->buffer_bytes() == held); // no growth over the stream
}

namespace {

// A cache at a quarter of the trace's distinct pages, the trace replayed at full speed.
TaskStats replay_stats(std::shared_ptr<const replay::Trace> trace) {
    EngineConfig c;
    c.machine = x86_64_machine(64ull << 20, 1, 1);
    c.thp = ThpMode::Never;
    TaskSpec app;
    app.name = "app";
    Phase rp;
    rp.kind = Phase::Kind::Replay;
    rp.file = "t";
    rp.trace = std::move(trace);
    rp.pages_per_sec = 1e9;
    app.phases = {rp};
    c.tasks.push_back(app);
    auto e = Engine::create(c).value();
    e->run_until(10'000'000'000);
    return e->task_stats()[0];
}

} // namespace

TEST_CASE("the text and oracleGeneral forms of a trace give the same simulation") {
    // 200 000 references over 60 000 pages (240 MiB of file) on a 64 MiB machine: reclaim runs.
    Rng rng(21);
    std::vector<std::uint32_t> pages;
    std::vector<Req> reqs;
    std::vector<std::uint64_t> id_of;
    for (int i = 0; i < 200'000; ++i) pages.push_back(static_cast<std::uint32_t>(rng.below(i < 60'000 ? 60'000 : 20'000)));
    // Renumbered in first-seen order, so the two forms name the same pages; the oracleGeneral
    // ids are arbitrary 64-bit values.
    std::vector<std::int64_t> rank(60'000, -1);
    std::uint32_t next = 0;
    for (auto& p : pages) {
        if (rank[p] < 0) {
            rank[p] = next++;
            id_of.push_back(rng.next());
        }
        p = static_cast<std::uint32_t>(rank[p]);
        reqs.push_back(Req{id_of[p], 4096});
    }
    const auto text_trace = replay::open_trace(replay::open_file(write_file("same.txt", text(pages)), "same.txt"), "same.txt", {});
    const auto bin_trace = replay::open_trace(
        replay::open_file(write_file("same.oracleGeneral", oracle_general(reqs)), "same.oracleGeneral"), "same.oracleGeneral", {});
    REQUIRE(bin_trace->info().pages == text_trace->info().pages);
    const TaskStats a = replay_stats(text_trace), b = replay_stats(bin_trace);
    CHECK(a.accesses == pages.size());
    CHECK(b.accesses == a.accesses);
    CHECK(b.page_cache_hits == a.page_cache_hits);
    CHECK(b.page_cache_misses == a.page_cache_misses);
    CHECK(a.page_cache_misses > next); // more misses than distinct pages: the cache was too small
    CHECK(b.stall_ns == a.stall_ns);
    // Progress: every reference of the one pass done.
    CHECK(a.replay_refs == pages.size());
    CHECK(a.replay_total == pages.size());
}
