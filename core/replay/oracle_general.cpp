// libCacheSim's oracleGeneral binary format: packed little-endian 24-byte records
//   uint32 clock_time, uint64 obj_id, uint32 obj_size, int64 next_access_vtime
// Only obj_id and obj_size matter to a page cache; the clock and the oracle's next access are
// skipped (the replay's rate sets the time).
#include "replay/formats.h"
#include "replay/object_trace.h"

#include <bit>
#include <cstring>

namespace rs::replay {

namespace {

constexpr std::size_t kRecord = 24;

template <class T> T load_le(const char* p) {
    T v;
    std::memcpy(&v, p, sizeof v);
    if constexpr (std::endian::native == std::endian::big) {
        if constexpr (sizeof(T) == 8) v = static_cast<T>(__builtin_bswap64(static_cast<std::uint64_t>(v)));
        else v = static_cast<T>(__builtin_bswap32(static_cast<std::uint32_t>(v)));
    }
    return v;
}

// Record numbers count from 1; `have` bytes of the record at `offset` exist.
std::string truncated(const std::string& display, std::uint64_t offset, std::size_t have) {
    return display + ": record " + std::to_string(offset / kRecord + 1) + " at byte offset " + std::to_string(offset) +
           " is truncated (" + std::to_string(have) + " of 24 bytes): the data is not a whole number of "
           "oracleGeneral records";
}

class OracleGeneralDecoder final : public RequestDecoder {
public:
    OracleGeneralDecoder(std::unique_ptr<ByteSource> bytes, const std::string& display)
        : m_display(display), m_reader(std::move(bytes), (BlockReader::kDefaultCapacity / kRecord) * kRecord) {}
    std::size_t next(Request* out, std::size_t cap) override {
        if (m_reader.size() < kRecord && !m_reader.at_end()) {
            while (m_reader.size() < kRecord && m_reader.fill()) {}
        }
        const std::size_t have = m_reader.size();
        if (have < kRecord) {
            if (have > 0) throw TraceError(truncated(m_display, m_reader.offset(), have));
            return 0;
        }
        const std::size_t n = std::min(cap, have / kRecord);
        const char* p = m_reader.begin();
        for (std::size_t i = 0; i < n; ++i, p += kRecord)
            out[i] = Request{load_le<std::uint64_t>(p + 4), load_le<std::uint32_t>(p + 12)};
        m_reader.consume(n * kRecord);
        return n;
    }
    void restart() override { m_reader.rewind(); }
    std::size_t buffer_bytes() const override { return m_reader.capacity(); }

private:
    std::string m_display;
    BlockReader m_reader;
};

std::unique_ptr<RequestDecoder> make_decoder(std::unique_ptr<ByteSource> bytes, const std::string& display) {
    return std::make_unique<OracleGeneralDecoder>(std::move(bytes), display);
}

// Text given as oracleGeneral (a .bin that is a text trace): real records have zero or 0xff
// bytes in their upper id and time bytes, text has none in its first 48 bytes.
void refuse_text(ByteSource& src, const std::string& display) {
    char b[48];
    std::size_t got = 0;
    while (got < sizeof b) {
        const std::size_t n = src.read(b + got, sizeof b - got);
        if (n == 0) break;
        got += n;
    }
    src.rewind();
    if (got < sizeof b) return;
    for (const char c : b) {
        const auto u = static_cast<unsigned char>(c);
        if (!(u == '\n' || u == '\r' || u == '\t' || (u >= 0x20 && u < 0x7f))) return;
    }
    throw TraceError(display + ": the data is text, not oracleGeneral records (give \"format\": \"text\" or \"csv\")");
}

} // namespace

std::shared_ptr<const Trace> open_oracle_general(std::unique_ptr<ByteSource> bytes, const std::string& display,
                                                 const TraceOptions& options, bool compressed) {
    refuse_text(*bytes, display);
    if (const std::uint64_t size = bytes->size(); size != ByteSource::kUnknownSize && size % kRecord != 0)
        throw TraceError(truncated(display, size / kRecord * kRecord, static_cast<std::size_t>(size % kRecord)) + " (" +
                         std::to_string(size) + " bytes)");
    return open_object_trace(std::move(bytes), display, options, compressed, Format::OracleGeneral, make_decoder);
}

} // namespace rs::replay
