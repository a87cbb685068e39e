#include "util/file_io.h"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

namespace rs {

namespace {

std::string errno_text(int err) { return std::strerror(err); }

std::string mib(std::uint64_t bytes) {
    const std::uint64_t m = bytes >> 20;
    return m ? std::to_string(m) + " MiB" : std::to_string(bytes) + " bytes";
}

// What a file that is not regular is, for the messages.
std::string kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

bool write_all(int fd, std::string_view bytes, int& err) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            err = errno;
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

// "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1": the descriptor itself (-1: not one of them).
// Opening the path instead would start a second file offset at 0 over a redirected file.
int named_descriptor(const std::string& path) {
    if (path == "-" || path == "/dev/stdout") return STDOUT_FILENO;
    if (path == "/dev/stderr") return STDERR_FILENO;
    for (const char* prefix : {"/dev/fd/", "/proc/self/fd/"}) {
        const std::size_t n = std::strlen(prefix);
        if (path.compare(0, n, prefix) != 0 || path.size() == n) continue;
        char* end = nullptr;
        const long fd = std::strtol(path.c_str() + n, &end, 10);
        if (*end == '\0' && fd >= 0 && fd <= INT_MAX) return static_cast<int>(fd);
    }
    return -1;
}

std::optional<std::string> write_stream(const std::string& path, int fd, std::string_view bytes) {
    int err = 0;
    if (!write_all(fd, bytes, err)) return "cannot write " + path + ": " + errno_text(err);
    return std::nullopt;
}

// A FIFO or a device: opened and written in place (a FIFO waits for its reader, as cat does).
std::optional<std::string> write_special(const std::string& path, std::string_view bytes) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) return "cannot write " + path + ": " + errno_text(errno);
    auto error = write_stream(path, fd, bytes);
    if (::close(fd) != 0 && !error) error = "cannot write " + path + ": " + errno_text(errno);
    return error;
}

std::string temp_name(const std::string& target) {
    const std::size_t slash = target.rfind('/');
    const std::string dir = slash == std::string::npos ? "" : target.substr(0, slash + 1);
    const std::string base = slash == std::string::npos ? target : target.substr(slash + 1);
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    static const char digits[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::string suffix(8, 'x');
    for (char& c : suffix) c = digits[rng() % (sizeof digits - 1)];
    return dir + "." + base + "." + suffix + ".tmp";
}

void sync_directory_of(const std::string& target) {
    const std::size_t slash = target.rfind('/');
    const std::string dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : target.substr(0, slash));
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return; // the rename is done; syncing the directory only makes it durable sooner
    (void)::fsync(fd);
    ::close(fd);
}

// A regular file or a new name: a temporary file beside it, renamed over it once complete.
// `old` is the existing file's stat (nullptr: a new file, created with 0666 less the umask).
std::optional<std::string> write_replacing(const std::string& target, const struct stat* old, std::string_view bytes) {
    std::string tmp;
    int fd = -1;
    for (int attempt = 0; attempt < 16 && fd < 0; ++attempt) {
        tmp = temp_name(target);
        fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST) break;
    }
    if (fd < 0) return "cannot write " + target + ": " + errno_text(errno);
    int err = 0;
    bool ok = write_all(fd, bytes, err);
    if (ok && old) {
        (void)::fchown(fd, old->st_uid, old->st_gid); // allowed for root only; harmless otherwise
        if (::fchmod(fd, old->st_mode & 07777) != 0) ok = false, err = errno;
    }
    if (ok && ::fsync(fd) != 0) ok = false, err = errno; // a full disk may only show here
    if (::close(fd) != 0 && ok) ok = false, err = errno;
    if (ok && ::rename(tmp.c_str(), target.c_str()) != 0) ok = false, err = errno;
    if (!ok) {
        ::unlink(tmp.c_str());
        return "cannot write " + target + ": " + errno_text(err) + (old ? " (the file there is unchanged)" : "");
    }
    sync_directory_of(target);
    return std::nullopt;
}

// The UTF-8 sequence length of a lead byte (0: not a lead byte) and its smallest code point.
int sequence_length(unsigned char c) {
    if (c < 0x80) return 1;
    if (c >= 0xc2 && c <= 0xdf) return 2;
    if (c >= 0xe0 && c <= 0xef) return 3;
    if (c >= 0xf0 && c <= 0xf4) return 4;
    return 0;
}

} // namespace

std::optional<std::string> utf8_error(std::string_view text) {
    if (text.size() >= 2 && ((text[0] == '\xff' && text[1] == '\xfe') || (text[0] == '\xfe' && text[1] == '\xff')))
        return std::string("1:1: the text is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8");
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0)
            return std::to_string(line) + ":" + std::to_string(col) + ": a NUL byte (UTF-16 or binary data, not UTF-8 text)";
        const int n = sequence_length(c);
        bool valid = n > 0 && i + static_cast<std::size_t>(n) <= text.size();
        std::uint32_t cp = n == 1 ? c : (c & (0x7f >> n));
        for (int k = 1; valid && k < n; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
            valid = (cc & 0xc0) == 0x80;
            cp = (cp << 6) | (cc & 0x3f);
        }
        // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
        if (valid && ((n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff))))
            valid = false;
        if (!valid)
            return std::to_string(line) + ":" + std::to_string(col) + ": byte 0x" +
                   "0123456789abcdef"[c >> 4] + "0123456789abcdef"[c & 15] + " is not UTF-8";
        if (c == '\n') {
            ++line;
            col = 1;
        } else {
            ++col;
        }
        i += static_cast<std::size_t>(n);
    }
    return std::nullopt;
}

std::optional<std::string> check_input_file(const std::string& path) {
    if (path.empty()) return "cannot read a file with an empty name";
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0) return "cannot read '" + path + "': " + errno_text(errno);
    if (!S_ISREG(st.st_mode)) return "cannot read '" + path + "': it is " + kind_of(st.st_mode) + "; only regular files are read";
    return std::nullopt;
}

Result<std::string> read_text_file(const std::string& path, std::uint64_t limit) {
    using R = Result<std::string>;
    auto fail = [&](const std::string& why) { return R::failure("cannot read '" + path + "': " + why); };
    if (auto bad = check_input_file(path)) return R::failure(*bad);
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0) return fail(errno_text(errno));
    if (static_cast<std::uint64_t>(st.st_size) > limit)
        return fail("it is " + mib(static_cast<std::uint64_t>(st.st_size)) + "; at most " + mib(limit) + " is read");
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return fail(errno_text(errno));
    std::string out;
    out.reserve(static_cast<std::size_t>(st.st_size));
    char buf[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            return fail(errno_text(err));
        }
        if (n == 0) break;
        out.append(buf, static_cast<std::size_t>(n));
        if (out.size() > limit) {
            ::close(fd);
            return fail("it reads on past " + mib(limit) + ", the most that is read");
        }
    }
    ::close(fd);
    if (out.compare(0, 3, "\xef\xbb\xbf") == 0) out.erase(0, 3); // a UTF-8 byte-order mark
    if (auto bad = utf8_error(out)) return R::failure(path + ":" + *bad + " (ReclaimScope reads UTF-8 text)");
    return out;
}

std::optional<std::string> write_output_file(const std::string& path, std::string_view bytes) {
    if (path.empty()) return std::string("cannot write: the file name is empty");
    if (const int fd = named_descriptor(path); fd >= 0) return write_stream(path, fd, bytes);
    // A symbolic link is followed: the file it names is replaced, the link stays.
    std::string target = path;
    struct stat st{};
    if (::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
        char* real = ::realpath(path.c_str(), nullptr);
        if (real) {
            target = real;
            std::free(real);
        }
    }
    if (::stat(target.c_str(), &st) != 0) {
        if (errno != ENOENT) return "cannot write " + path + ": " + errno_text(errno);
        return write_replacing(target, nullptr, bytes);
    }
    if (S_ISDIR(st.st_mode)) return "cannot write " + path + ": it is a directory";
    if (!S_ISREG(st.st_mode)) return write_special(path, bytes);
    // Root may write anything; a file without a write bit was still made read-only on purpose.
    if ((st.st_mode & 0222) == 0)
        return "cannot write " + path + ": the file is read-only (mode 0" + std::to_string((st.st_mode >> 6) & 7) +
               std::to_string((st.st_mode >> 3) & 7) + std::to_string(st.st_mode & 7) + ")";
    if (::access(target.c_str(), W_OK) != 0) return "cannot write " + path + ": " + errno_text(errno);
    return write_replacing(target, &st, bytes);
}

Result<std::unique_ptr<OutputFile>> OutputFile::open(const std::string& path) {
    using R = Result<std::unique_ptr<OutputFile>>;
    std::unique_ptr<OutputFile> out(new OutputFile);
    out->m_path = out->m_target = path;
    if (path.empty()) return R::failure("cannot write: the file name is empty");
    if (const int fd = named_descriptor(path); fd >= 0) {
        out->m_fd = fd;
        return R(std::move(out));
    }
    struct stat st{};
    if (::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
        if (char* real = ::realpath(path.c_str(), nullptr)) {
            out->m_target = real;
            std::free(real);
        }
    }
    const std::string& target = out->m_target;
    bool exists = true;
    if (::stat(target.c_str(), &st) != 0) {
        if (errno != ENOENT) return R::failure("cannot write " + path + ": " + errno_text(errno));
        exists = false;
    }
    if (exists) {
        if (S_ISDIR(st.st_mode)) return R::failure("cannot write " + path + ": it is a directory");
        if (!S_ISREG(st.st_mode)) {
            const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
            if (fd < 0) return R::failure("cannot write " + path + ": " + errno_text(errno));
            out->m_fd = fd;
            out->m_close = true;
            return R(std::move(out));
        }
        if ((st.st_mode & 0222) == 0)
            return R::failure("cannot write " + path + ": the file is read-only (mode 0" +
                              std::to_string((st.st_mode >> 6) & 7) + std::to_string((st.st_mode >> 3) & 7) +
                              std::to_string(st.st_mode & 7) + ")");
        if (::access(target.c_str(), W_OK) != 0) return R::failure("cannot write " + path + ": " + errno_text(errno));
        out->m_has_old = true;
        out->m_old_uid = st.st_uid;
        out->m_old_gid = st.st_gid;
        out->m_old_mode = st.st_mode & 07777;
    }
    for (int attempt = 0; attempt < 16 && out->m_fd < 0; ++attempt) {
        out->m_tmp = temp_name(target);
        out->m_fd = ::open(out->m_tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (out->m_fd < 0 && errno != EEXIST) break;
    }
    if (out->m_fd < 0) return R::failure("cannot write " + target + ": " + errno_text(errno));
    out->m_close = true;
    return R(std::move(out));
}

std::optional<std::string> OutputFile::flush() {
    if (m_error) return m_error;
    int err = 0;
    if (!write_all(m_fd, m_buf, err))
        m_error = "cannot write " + (m_tmp.empty() ? m_path : m_target) + ": " + errno_text(err) +
                  (m_has_old ? " (the file there is unchanged)" : "");
    m_buf.clear();
    return m_error;
}

std::optional<std::string> OutputFile::write(std::string_view bytes) {
    if (m_error) return m_error;
    m_buf.append(bytes);
    if (m_buf.size() >= (1u << 20)) return flush();
    return std::nullopt;
}

std::optional<std::string> OutputFile::commit() {
    if (m_done) return m_error;
    m_done = true;
    flush();
    if (m_tmp.empty()) {
        if (m_close && ::close(m_fd) != 0 && !m_error) m_error = "cannot write " + m_path + ": " + errno_text(errno);
        m_fd = -1;
        return m_error;
    }
    int err = 0;
    bool ok = !m_error;
    if (ok && m_has_old) {
        (void)::fchown(m_fd, m_old_uid, m_old_gid); // allowed for root only; harmless otherwise
        if (::fchmod(m_fd, m_old_mode) != 0) ok = false, err = errno;
    }
    if (ok && ::fsync(m_fd) != 0) ok = false, err = errno;
    if (::close(m_fd) != 0 && ok) ok = false, err = errno;
    m_fd = -1;
    if (ok && ::rename(m_tmp.c_str(), m_target.c_str()) != 0) ok = false, err = errno;
    if (!ok) {
        ::unlink(m_tmp.c_str());
        if (!m_error)
            m_error = "cannot write " + m_target + ": " + errno_text(err) + (m_has_old ? " (the file there is unchanged)" : "");
        return m_error;
    }
    sync_directory_of(m_target);
    return std::nullopt;
}

OutputFile::~OutputFile() {
    if (m_done) return;
    if (m_tmp.empty()) {
        flush();
        if (m_close && m_fd >= 0) ::close(m_fd);
        return;
    }
    if (m_fd >= 0) ::close(m_fd);
    ::unlink(m_tmp.c_str());
}

} // namespace rs
