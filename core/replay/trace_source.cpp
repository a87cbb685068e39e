#include "replay/trace_source.h"

#include "replay/formats.h"
#include "replay/zstd_reader.h"

#include <algorithm>
#include <cctype>

namespace rs::replay {

const char* format_name(Format f) {
    switch (f) {
    case Format::Auto: return "auto";
    case Format::Text: return "text";
    case Format::OracleGeneral: return "oracleGeneral";
    case Format::Csv: return "csv";
    }
    return "?";
}

bool TraceCursor::refill(bool loop) {
    if (!m_error.empty()) return false;
    try {
        if (fetch(m_pos, m_end)) return true;
        if (!loop) return false;
        restart();
        return fetch(m_pos, m_end);
    } catch (const TraceError& e) {
        m_error = e.what();
        m_pos = m_end = nullptr;
        return false;
    }
}

namespace {

class MemoryCursor final : public TraceCursor {
public:
    explicit MemoryCursor(std::shared_ptr<const std::vector<std::uint32_t>> p) : m_pages(std::move(p)) {}
    std::size_t buffer_bytes() const override { return 0; }

protected:
    bool fetch(const std::uint32_t*& b, const std::uint32_t*& e) override {
        if (m_given || m_pages->empty()) return false;
        m_given = true;
        b = m_pages->data();
        e = b + m_pages->size();
        return true;
    }
    void restart() override { m_given = false; }

private:
    std::shared_ptr<const std::vector<std::uint32_t>> m_pages;
    bool m_given = false;
};

class MemoryTrace final : public Trace {
public:
    explicit MemoryTrace(std::shared_ptr<const std::vector<std::uint32_t>> p) : m_pages(std::move(p)) {
        m_info.format = Format::Text;
        m_info.refs = m_info.requests = m_pages->size();
        m_info.pages = m_pages->empty() ? 0 : std::uint64_t{*std::max_element(m_pages->begin(), m_pages->end())} + 1;
    }
    std::unique_ptr<TraceCursor> make_cursor() const override { return std::make_unique<MemoryCursor>(m_pages); }

private:
    std::shared_ptr<const std::vector<std::uint32_t>> m_pages;
};

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace

std::shared_ptr<const Trace> memory_trace(std::shared_ptr<const std::vector<std::uint32_t>> pages) {
    return std::make_shared<MemoryTrace>(std::move(pages));
}

Format detect_format(const std::string& name) {
    std::string n = name;
    std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ends_with(n, ".zst")) n.resize(n.size() - 4);
    if (ends_with(n, ".csv")) return Format::Csv;
    if (n.find("oraclegeneral") != std::string::npos || ends_with(n, ".bin")) return Format::OracleGeneral;
    return Format::Text;
}

std::shared_ptr<const Trace> open_trace(std::unique_ptr<ByteSource> bytes, const std::string& display,
                                        const TraceOptions& options) {
    const Format format = options.format == Format::Auto ? detect_format(display) : options.format;
    bool compressed = false;
    if (starts_with_zstd_magic(*bytes)) {
        bytes = zstd_source(std::move(bytes), display);
        compressed = true;
    } else if (ends_with(display, ".zst")) {
        throw TraceError(display + ": not zstd data (the name ends in .zst, the first bytes are not zstd's magic number)");
    }
    switch (format) {
    case Format::OracleGeneral: return open_oracle_general(std::move(bytes), display, options, compressed);
    case Format::Csv: return open_csv(std::move(bytes), display, options, compressed);
    default: return open_text(std::move(bytes), display, options, compressed);
    }
}

} // namespace rs::replay
