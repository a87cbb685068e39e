#include "replay/object_trace.h"

#include <algorithm>
#include <array>

namespace rs::replay {

namespace {

constexpr std::uint64_t kMaxPages = 0x80000000ull; // page numbers stay below 2^31, as in text traces
constexpr std::size_t kAhead = 32;                 // map lookups prefetched this many requests ahead

std::uint32_t request_pages(std::uint64_t size, bool one_page) {
    if (one_page || size <= 4096) return 1;
    return static_cast<std::uint32_t>(std::min<std::uint64_t>((size + 4095) / 4096, kMaxPages));
}

class FailedCursor final : public TraceCursor {
public:
    explicit FailedCursor(std::string e) : m_e(std::move(e)) {}
    std::size_t buffer_bytes() const override { return 0; }

protected:
    bool fetch(const std::uint32_t*&, const std::uint32_t*&) override { throw TraceError(m_e); }
    void restart() override {}

private:
    std::string m_e;
};

class ObjectCursor final : public TraceCursor {
public:
    ObjectCursor(std::unique_ptr<RequestDecoder> dec, std::shared_ptr<const ObjectMap> map, std::string display, bool one_page)
        : m_dec(std::move(dec)), m_map(std::move(map)), m_display(std::move(display)), m_one_page(one_page) {}
    std::size_t buffer_bytes() const override { return m_dec->buffer_bytes() + sizeof m_req + sizeof m_out; }

protected:
    bool fetch(const std::uint32_t*& b, const std::uint32_t*& e) override {
        std::size_t n = 0;
        while (n < m_out.size()) {
            if (m_left) { // the rest of an object larger than the buffer's room
                const auto k = static_cast<std::uint32_t>(std::min<std::size_t>(m_left, m_out.size() - n));
                for (std::uint32_t j = 0; j < k; ++j) m_out[n++] = m_page++;
                m_left -= k;
                continue;
            }
            if (m_ri == m_rn) {
                m_rn = m_dec->next(m_req.data(), m_req.size());
                m_ri = 0;
                if (m_rn == 0) break;
                for (std::size_t j = 0; j < std::min(kAhead, m_rn); ++j) m_map->prefetch(m_req[j].id);
            }
            const Request& r = m_req[m_ri];
            if (m_ri + kAhead < m_rn) m_map->prefetch(m_req[m_ri + kAhead].id);
            ++m_ri;
            const ObjectMap::Slot* s = m_map->find(r.id);
            if (!s)
                throw TraceError(m_display + ": object " + std::to_string(r.id) +
                                 " was not in the trace when it was loaded (the file changed since)");
            m_page = s->first;
            m_left = std::min(request_pages(r.size, m_one_page), s->pages);
        }
        if (n == 0) return false;
        b = m_out.data();
        e = b + n;
        return true;
    }
    void restart() override {
        m_dec->restart();
        m_ri = m_rn = 0;
        m_left = 0;
    }

private:
    std::unique_ptr<RequestDecoder> m_dec;
    std::shared_ptr<const ObjectMap> m_map;
    std::string m_display;
    bool m_one_page;
    std::array<Request, 1024> m_req{};
    std::size_t m_ri = 0, m_rn = 0;
    std::uint32_t m_page = 0, m_left = 0;
    std::array<std::uint32_t, 16384> m_out{};
};

class ObjectTrace final : public Trace {
public:
    ObjectTrace(std::unique_ptr<ByteSource> bytes, std::string display, const TraceOptions& o, bool compressed,
                Format format, DecoderFactory make)
        : m_proto(bytes->reopen()), m_display(std::move(display)), m_one_page(o.one_page_per_request), m_make(make) {
        auto map = std::make_shared<ObjectMap>();
        // The scan reads `bytes` itself, the cursors copies of m_proto: a load's control (on the
        // source the loader opened) reaches the scan only.
        auto dec = make(std::move(bytes), m_display);
        std::array<Request, 1024> req{};
        std::uint64_t refs = 0, requests = 0;
        while (const std::size_t n = dec->next(req.data(), req.size())) {
            for (std::size_t j = 0; j < n; ++j) {
                if (j + kAhead < n) map->prefetch(req[j + kAhead].id);
                ObjectMap::Slot& s = map->insert(req[j].id);
                const std::uint32_t p = request_pages(req[j].size, m_one_page);
                s.pages = std::max(s.pages, p);
                refs += p;
            }
            requests += n;
        }
        // First-seen rank -> first page: each object after the pages of those seen before it.
        std::vector<std::uint32_t> first(map->size());
        for (const auto& s : map->slots())
            if (s.first != ObjectMap::kEmpty) first[s.first] = s.pages;
        std::uint64_t total = 0;
        for (auto& f : first) {
            const std::uint64_t pages = f;
            f = static_cast<std::uint32_t>(std::min(total, kMaxPages));
            total += pages;
        }
        if (total > kMaxPages)
            throw TraceError(m_display + ": its " + std::to_string(map->size()) + " objects cover " + std::to_string(total) +
                             " pages, more than 2^31 (\"one_page_per_request\": true maps each request to one page)");
        for (auto& s : map->slots())
            if (s.first != ObjectMap::kEmpty) s.first = first[s.first];
        m_map = std::move(map);
        m_info.format = format;
        m_info.compressed = compressed;
        m_info.refs = refs;
        m_info.requests = requests;
        m_info.pages = total;
    }
    std::unique_ptr<TraceCursor> make_cursor() const override {
        try {
            return std::make_unique<ObjectCursor>(m_make(m_proto->reopen(), m_display), m_map, m_display, m_one_page);
        } catch (const TraceError& e) {
            return std::make_unique<FailedCursor>(e.what());
        }
    }

private:
    std::unique_ptr<ByteSource> m_proto;
    std::string m_display;
    bool m_one_page;
    DecoderFactory m_make;
    std::shared_ptr<const ObjectMap> m_map;
};

} // namespace

std::unique_ptr<TraceCursor> failed_cursor(std::string error) { return std::make_unique<FailedCursor>(std::move(error)); }

std::shared_ptr<const Trace> open_object_trace(std::unique_ptr<ByteSource> bytes, const std::string& display,
                                               const TraceOptions& options, bool compressed, Format format,
                                               DecoderFactory make) {
    return std::make_shared<ObjectTrace>(std::move(bytes), display, options, compressed, format, make);
}

} // namespace rs::replay
