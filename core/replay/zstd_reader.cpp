#include "replay/zstd_reader.h"

#include <zstd.h>

#include <cstring>
#include <vector>

namespace rs::replay {

bool starts_with_zstd_magic(ByteSource& src) {
    unsigned char m[4] = {};
    std::size_t got = 0;
    while (got < 4) {
        const std::size_t n = src.read(reinterpret_cast<char*>(m) + got, 4 - got);
        if (n == 0) break;
        got += n;
    }
    src.rewind();
    // ZSTD_MAGICNUMBER 0xFD2FB528, little-endian on disk.
    return got == 4 && m[0] == 0x28 && m[1] == 0xB5 && m[2] == 0x2F && m[3] == 0xFD;
}

namespace {

class ZstdSource final : public ByteSource {
public:
    ZstdSource(std::unique_ptr<ByteSource> in, std::string display)
        : m_in(std::move(in)), m_display(std::move(display)), m_dctx(ZSTD_createDCtx()), m_buf(ZSTD_DStreamInSize()) {
        if (!m_dctx) throw TraceError(m_display + ": cannot create a zstd decompressor");
    }
    ~ZstdSource() override { ZSTD_freeDCtx(m_dctx); }
    ZstdSource(const ZstdSource&) = delete;
    ZstdSource& operator=(const ZstdSource&) = delete;

    std::size_t read(char* out, std::size_t n) override {
        ZSTD_outBuffer ob{out, n, 0};
        for (;;) {
            // Input left, or a frame that may still hold output: decompress what there is.
            if (m_in_pos < m_in_len || m_in_frame) {
                ZSTD_inBuffer ib{m_buf.data(), m_in_len, m_in_pos};
                const std::size_t r = ZSTD_decompressStream(m_dctx, &ob, &ib);
                m_in_pos = ib.pos;
                if (ZSTD_isError(r))
                    throw TraceError(m_display + ": corrupt zstd data near compressed byte " +
                                     std::to_string(m_consumed + m_in_pos) + ": " + ZSTD_getErrorName(r));
                m_in_frame = r != 0; // 0: a frame is complete (another may follow)
                if (ob.pos > 0) return ob.pos;
                if (m_in_pos < m_in_len) continue;
            }
            m_consumed += m_in_len;
            m_in_len = m_in->read(m_buf.data(), m_buf.size());
            m_in_pos = 0;
            if (m_in_len == 0) {
                if (m_in_frame)
                    throw TraceError(m_display + ": truncated zstd data (the stream ends at byte " +
                                     std::to_string(m_consumed) + " inside a frame)");
                return 0;
            }
        }
    }
    void rewind() override {
        m_in->rewind();
        ZSTD_DCtx_reset(m_dctx, ZSTD_reset_session_only);
        m_in_pos = m_in_len = 0;
        m_consumed = 0;
        m_in_frame = false;
    }
    std::unique_ptr<ByteSource> reopen() const override {
        return std::make_unique<ZstdSource>(m_in->reopen(), m_display);
    }

private:
    std::unique_ptr<ByteSource> m_in;
    std::string m_display;
    ZSTD_DCtx* m_dctx;
    std::vector<char> m_buf;
    std::size_t m_in_pos = 0, m_in_len = 0;
    std::uint64_t m_consumed = 0; // compressed bytes before m_buf
    bool m_in_frame = false;
};

} // namespace

std::unique_ptr<ByteSource> zstd_source(std::unique_ptr<ByteSource> compressed, const std::string& display) {
    return std::make_unique<ZstdSource>(std::move(compressed), display);
}

} // namespace rs::replay
