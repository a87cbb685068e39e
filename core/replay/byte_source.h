#pragma once
// Where a trace's bytes come from: a file read in large blocks, memory, or a decompressor
// (zstd_reader.h). Each replaying task reads its own copy (reopen), so positions are private.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

namespace rs {
class LoadControl;
}

namespace rs::replay {

// A trace that cannot be read or does not fit its format. The message names the file and the
// place (file:line for text, record and byte offset for binary records).
struct TraceError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class ByteSource {
public:
    static constexpr std::uint64_t kUnknownSize = ~std::uint64_t{0};
    virtual ~ByteSource() = default;
    // Up to n bytes into buf; 0 only at the end. Throws TraceError.
    virtual std::size_t read(char* buf, std::size_t n) = 0;
    // Back to the first byte.
    virtual void rewind() = 0;
    // The same bytes from the start, independent of this one's position.
    virtual std::unique_ptr<ByteSource> reopen() const = 0;
    // Total bytes, if known before reading them all (a file: yes; decompressed data: no).
    virtual std::uint64_t size() const { return kUnknownSize; }
};

// A file, read with read(2) (the caller's buffer is the only copy; the kernel is told the
// access is sequential). Throws TraceError naming `display` (the name the user wrote).
// With a `control` (a load on another thread), every read adds to its progress and, once it is
// cancelled, throws TraceError "DISPLAY: cancelled". Only this source keeps the pointer: its
// reopen() copies, which the replay reads long after the load, read without it.
std::unique_ptr<ByteSource> open_file(const std::string& path, const std::string& display,
                                      LoadControl* control = nullptr);
// Bytes held in memory, shared by the reopened copies.
std::unique_ptr<ByteSource> memory_source(std::shared_ptr<const std::string> bytes);

// Reads a ByteSource in blocks of a fixed capacity: the unconsumed bytes are a window at the
// front of the buffer; fill() moves them there and appends what the source gives. Memory is
// the capacity, whatever the length of the input.
class BlockReader {
public:
    static constexpr std::size_t kDefaultCapacity = 1u << 20;
    explicit BlockReader(std::unique_ptr<ByteSource> src, std::size_t capacity = kDefaultCapacity);
    const char* begin() const { return m_buf.get() + m_head; }
    const char* end() const { return m_buf.get() + m_tail; }
    std::size_t size() const { return m_tail - m_head; }
    void consume(std::size_t n) { m_head += n; m_offset += n; }
    // Reads more; false when the source had nothing left (the window is then the last bytes).
    bool fill();
    bool at_end() const { return m_eof; }
    bool full() const { return m_head == 0 && m_tail == m_capacity; }
    // Byte offset of begin() in the input.
    std::uint64_t offset() const { return m_offset; }
    void rewind();
    std::size_t capacity() const { return m_capacity; }
    const ByteSource& source() const { return *m_src; }

private:
    std::unique_ptr<ByteSource> m_src;
    std::size_t m_capacity;
    std::unique_ptr<char[]> m_buf;
    std::size_t m_head = 0, m_tail = 0;
    std::uint64_t m_offset = 0;
    bool m_eof = false;
};

} // namespace rs::replay
