#include "replay/byte_source.h"

#include "util/file_io.h"
#include "util/load_control.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace rs::replay {

namespace {

class FileSource final : public ByteSource {
public:
    FileSource(std::string path, std::string display, LoadControl* control)
        : m_path(std::move(path)), m_display(std::move(display)), m_control(control) {
        // Streamed, so no size limit; but only a regular file (a FIFO would block the loader).
        if (auto bad = check_input_file(m_path)) throw TraceError(*bad);
        m_fd = ::open(m_path.c_str(), O_RDONLY | O_CLOEXEC);
        if (m_fd < 0) throw TraceError("cannot read '" + m_path + "': " + std::strerror(errno));
        struct stat st {};
        if (::fstat(m_fd, &st) == 0 && S_ISREG(st.st_mode)) m_size = static_cast<std::uint64_t>(st.st_size);
        ::posix_fadvise(m_fd, 0, 0, POSIX_FADV_SEQUENTIAL);
        if (m_control) m_control->start_file("trace " + m_display, m_size == kUnknownSize ? 0 : m_size);
    }
    ~FileSource() override { ::close(m_fd); }
    FileSource(const FileSource&) = delete;
    FileSource& operator=(const FileSource&) = delete;

    std::size_t read(char* buf, std::size_t n) override {
        // Checked per read: the scan reads a block (1 MiB) at a time, so a cancel stops it
        // within one block's parsing.
        if (m_control && m_control->cancelled()) throw TraceError(m_display + ": cancelled");
        for (;;) {
            const ssize_t r = ::read(m_fd, buf, n);
            if (r >= 0) {
                if (m_control) m_control->add_bytes(static_cast<std::uint64_t>(r));
                return static_cast<std::size_t>(r);
            }
            if (errno != EINTR) throw TraceError(m_display + ": read error: " + std::strerror(errno));
        }
    }
    void rewind() override {
        if (::lseek(m_fd, 0, SEEK_SET) != 0) throw TraceError(m_display + ": cannot seek: " + std::strerror(errno));
    }
    // Without the control: the copies outlive the load that passed it.
    std::unique_ptr<ByteSource> reopen() const override { return std::make_unique<FileSource>(m_path, m_display, nullptr); }
    std::uint64_t size() const override { return m_size; }

private:
    std::string m_path, m_display;
    LoadControl* m_control; // null except in the source a load opened
    int m_fd = -1;
    std::uint64_t m_size = kUnknownSize;
};

class MemorySource final : public ByteSource {
public:
    explicit MemorySource(std::shared_ptr<const std::string> bytes) : m_bytes(std::move(bytes)) {}
    std::size_t read(char* buf, std::size_t n) override {
        const std::size_t k = std::min(n, m_bytes->size() - m_pos);
        std::memcpy(buf, m_bytes->data() + m_pos, k);
        m_pos += k;
        return k;
    }
    void rewind() override { m_pos = 0; }
    std::unique_ptr<ByteSource> reopen() const override { return std::make_unique<MemorySource>(m_bytes); }
    std::uint64_t size() const override { return m_bytes->size(); }

private:
    std::shared_ptr<const std::string> m_bytes;
    std::size_t m_pos = 0;
};

} // namespace

std::unique_ptr<ByteSource> open_file(const std::string& path, const std::string& display, LoadControl* control) {
    return std::make_unique<FileSource>(path, display, control);
}

std::unique_ptr<ByteSource> memory_source(std::shared_ptr<const std::string> bytes) {
    return std::make_unique<MemorySource>(std::move(bytes));
}

BlockReader::BlockReader(std::unique_ptr<ByteSource> src, std::size_t capacity)
    : m_src(std::move(src)), m_capacity(capacity), m_buf(new char[capacity]) {}

bool BlockReader::fill() {
    if (m_head > 0) {
        std::memmove(m_buf.get(), m_buf.get() + m_head, m_tail - m_head);
        m_tail -= m_head;
        m_head = 0;
    }
    bool got = false;
    while (!m_eof && m_tail < m_capacity) {
        const std::size_t n = m_src->read(m_buf.get() + m_tail, m_capacity - m_tail);
        if (n == 0) m_eof = true;
        m_tail += n;
        got |= n > 0;
        if (n > 0) break; // one read per fill: a pipe or decompressor gives what it has
    }
    return got;
}

void BlockReader::rewind() {
    m_src->rewind();
    m_head = m_tail = 0;
    m_offset = 0;
    m_eof = false;
}

} // namespace rs::replay
