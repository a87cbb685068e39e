// The CSV form of libCacheSim traces: a header line naming the columns (in any order, any
// others ignored), then one request per line. The object id column is required, the size
// optional (without it every request is one page).
#include "replay/formats.h"
#include "replay/object_trace.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <string_view>
#include <vector>

namespace rs::replay {

namespace {

constexpr const char* kIdNames[] = {"obj_id", "id", "obj-id", "object_id", "objid", "key"};
constexpr const char* kSizeNames[] = {"obj_size", "size", "obj-size", "object_size", "objsize"};

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '"')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '"')) s.remove_suffix(1);
    return s;
}

class CsvDecoder final : public RequestDecoder {
public:
    CsvDecoder(std::unique_ptr<ByteSource> bytes, const std::string& display) : m_display(display), m_reader(std::move(bytes)) {}

    std::size_t next(Request* out, std::size_t cap) override {
        std::size_t n = 0;
        while (n < cap) {
            std::string_view line;
            if (!next_line(line)) break;
            ++m_line;
            const std::string_view t = trim(line);
            if (t.empty()) continue;
            if (m_id_col < 0) {
                header(t);
                continue;
            }
            if (t.front() == '#') continue;
            out[n++] = request(line);
        }
        return n;
    }
    void restart() override {
        m_reader.rewind();
        m_line = 0;
        m_id_col = m_size_col = -1;
    }
    std::size_t buffer_bytes() const override { return m_reader.capacity(); }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw TraceError(m_display + ":" + std::to_string(m_line) + ": " + what);
    }
    // The next line without its '\n'; false at the end.
    bool next_line(std::string_view& line) {
        for (;;) {
            const char* nl = static_cast<const char*>(std::memchr(m_reader.begin(), '\n', m_reader.size()));
            if (nl || (m_reader.at_end() && m_reader.size() > 0)) {
                const char* e = nl ? nl : m_reader.end();
                line = std::string_view(m_reader.begin(), static_cast<std::size_t>(e - m_reader.begin()));
                m_reader.consume(line.size() + (nl ? 1 : 0)); // the bytes stay in place until the next fill
                return true;
            }
            if (m_reader.at_end()) return false;
            if (m_reader.full()) {
                ++m_line;
                fail("a line longer than " + std::to_string(m_reader.capacity() >> 10) + " KiB");
            }
            m_reader.fill();
        }
    }
    void header(std::string_view h) {
        if (!h.empty() && h.front() == '#') h = trim(h.substr(1));
        std::vector<std::string> names;
        for (std::size_t b = 0;;) {
            const std::size_t c = h.find(',', b);
            std::string name(trim(h.substr(b, c == std::string_view::npos ? std::string_view::npos : c - b)));
            std::transform(name.begin(), name.end(), name.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
            names.push_back(std::move(name));
            if (c == std::string_view::npos) break;
            b = c + 1;
        }
        auto col = [&](const auto& candidates) {
            for (std::size_t i = 0; i < names.size(); ++i)
                for (const char* c : candidates)
                    if (names[i] == c) return static_cast<int>(i);
            return -1;
        };
        m_id_col = col(kIdNames);
        m_size_col = col(kSizeNames);
        m_columns = static_cast<int>(names.size());
        if (m_id_col < 0) {
            std::string list;
            for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
            fail("the CSV header (" + list + ") names no object id column: the first line must name the columns, "
                 "one of them obj_id");
        }
    }
    Request request(std::string_view line) {
        std::string_view id, size;
        int col = 0;
        for (std::size_t b = 0;; ++col) {
            const std::size_t c = line.find(',', b);
            const std::string_view f = line.substr(b, c == std::string_view::npos ? std::string_view::npos : c - b);
            if (col == m_id_col) id = trim(f);
            if (col == m_size_col) size = trim(f);
            if (c == std::string_view::npos) break;
            b = c + 1;
        }
        const int need = std::max(m_id_col, m_size_col) + 1;
        if (col + 1 < need)
            fail("expected " + std::to_string(m_columns) + " columns as the header names, got " + std::to_string(col + 1));
        Request r{0, 0};
        if (!number(id, r.id)) fail("the object id '" + std::string(id.substr(0, 40)) + "' is not a non-negative integer");
        if (m_size_col >= 0 && !number(size, r.size))
            fail("the object size '" + std::string(size.substr(0, 40)) + "' is not a non-negative integer");
        return r;
    }
    static bool number(std::string_view s, std::uint64_t& v) {
        const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        return !s.empty() && ec == std::errc{} && p == s.data() + s.size();
    }

    std::string m_display;
    BlockReader m_reader;
    std::uint64_t m_line = 0;
    int m_id_col = -1, m_size_col = -1, m_columns = 0;
};

std::unique_ptr<RequestDecoder> make_decoder(std::unique_ptr<ByteSource> bytes, const std::string& display) {
    return std::make_unique<CsvDecoder>(std::move(bytes), display);
}

} // namespace

std::shared_ptr<const Trace> open_csv(std::unique_ptr<ByteSource> bytes, const std::string& display,
                                      const TraceOptions& options, bool compressed) {
    return open_object_trace(std::move(bytes), display, options, compressed, Format::Csv, make_decoder);
}

} // namespace rs::replay
