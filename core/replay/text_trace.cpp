// Text traces (PAGE or TASK PAGE per line): scanned at open, parsed again block by block while
// replaying. The grammar is in text_parse.h.
#include "replay/formats.h"
#include "replay/text_parse.h"

#include <algorithm>
#include <array>

namespace rs::replay {

void text_error(const TextParseState& st, const std::string& what) {
    throw TraceError(*st.display + ":" + std::to_string(st.line) + ": " + what);
}

void text_bad_page(const TextParseState& st, std::string_view field) {
    const bool binary = std::any_of(field.begin(), field.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x20 || u >= 0x7f;
    });
    std::string shown(field.substr(0, 40));
    if (binary) std::replace_if(shown.begin(), shown.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f; }, '?');
    text_error(st, "'" + shown + (field.size() > 40 ? "..." : "") + "' is not a page number (0 .. 2^31 - 1)" +
                       (binary ? " (binary data: for a libCacheSim trace give \"format\": \"oracleGeneral\")" : ""));
}

namespace {

// Feeds the lines of `r` to sink until it is full (returns false) or the input ends (true).
template <class Sink> bool pump_text(BlockReader& r, TextParseState& st, Sink&& sink) {
    bool full = false;
    auto counted = [&](std::uint32_t v) { return !(full = !sink(v)); };
    for (;;) {
        if (r.size() > 0 || r.at_end()) {
            const char* stop = parse_text_block(r.begin(), r.end(), r.at_end(), st, counted);
            const auto used = static_cast<std::size_t>(stop - r.begin());
            r.consume(used);
            if (full) return false;
            if (r.at_end()) return true;
            if (used == 0 && r.full())
                text_error(TextParseState{st.display, st.task, st.line + 1},
                           "a line longer than " + std::to_string(r.capacity() >> 10) + " KiB");
        }
        r.fill();
    }
}

class TextCursor final : public TraceCursor {
public:
    TextCursor(std::unique_ptr<ByteSource> bytes, std::string display, std::string task)
        : m_display(std::move(display)), m_task(std::move(task)), m_reader(std::move(bytes)),
          m_st{&m_display, m_task, 0} {}
    std::size_t buffer_bytes() const override { return m_reader.capacity() + sizeof m_out; }

protected:
    bool fetch(const std::uint32_t*& b, const std::uint32_t*& e) override {
        std::size_t n = 0;
        pump_text(m_reader, m_st, [&](std::uint32_t v) {
            m_out[n++] = v;
            return n < m_out.size();
        });
        if (n == 0) return false;
        b = m_out.data();
        e = b + n;
        return true;
    }
    void restart() override {
        m_reader.rewind();
        m_st.line = 0;
    }

private:
    std::string m_display, m_task;
    BlockReader m_reader;
    TextParseState m_st;
    std::array<std::uint32_t, 16384> m_out{};
};

class TextTrace final : public Trace {
public:
    TextTrace(std::unique_ptr<ByteSource> bytes, std::string display, std::string task, bool compressed)
        : m_proto(bytes->reopen()), m_display(std::move(display)), m_task(std::move(task)) {
        // The scan reads `bytes` itself, the cursors copies of m_proto: a load's control (the
        // cancel and the progress, on the source the loader opened) reaches the scan only.
        BlockReader r(std::move(bytes));
        TextParseState st{&m_display, m_task, 0};
        std::uint64_t n = 0;
        std::uint32_t top = 0;
        pump_text(r, st, [&](std::uint32_t v) {
            ++n;
            top = std::max(top, v);
            return true;
        });
        m_info.format = Format::Text;
        m_info.compressed = compressed;
        m_info.refs = m_info.requests = n;
        m_info.pages = n ? std::uint64_t{top} + 1 : 0;
    }
    std::unique_ptr<TraceCursor> make_cursor() const override {
        try {
            return std::make_unique<TextCursor>(m_proto->reopen(), m_display, m_task);
        } catch (const TraceError& e) {
            return failed_cursor(e.what());
        }
    }

private:
    std::unique_ptr<ByteSource> m_proto; // never read: each cursor reads a reopened copy
    std::string m_display, m_task;
};

} // namespace

std::shared_ptr<const Trace> open_text(std::unique_ptr<ByteSource> bytes, const std::string& display,
                                       const TraceOptions& options, bool compressed) {
    return std::make_shared<TextTrace>(std::move(bytes), display, options.task, compressed);
}

std::unique_ptr<TraceCursor> text_cursor(std::unique_ptr<ByteSource> bytes, const std::string& display,
                                         const std::string& task) {
    return std::make_unique<TextCursor>(std::move(bytes), display, task);
}

} // namespace rs::replay
