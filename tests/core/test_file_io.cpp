// Inputs and outputs on real files: FIFOs, devices, read-only files, a full file system, this
// machine's own /proc/zoneinfo.
#include "procfs/zoneinfo.h"
#include "util/file_io.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/mount.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace rs;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        char tmpl[] = "/tmp/rs-file-io-XXXXXX";
        path = ::mkdtemp(tmpl);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string operator/(const std::string& name) const { return (path / name).string(); }
};

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void put(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::size_t entries(const fs::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
    return n;
}

} // namespace

TEST_CASE("write_output_file replaces a regular file whole and keeps its mode") {
    TempDir d;
    const std::string f = d / "out.csv";
    REQUIRE_FALSE(write_output_file(f, "new file\n"));
    CHECK(slurp(f) == "new file\n");
    ::chmod(f.c_str(), 0640);
    REQUIRE_FALSE(write_output_file(f, "second\n"));
    CHECK(slurp(f) == "second\n");
    struct stat st{};
    REQUIRE(::stat(f.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0640);
    CHECK(entries(d.path) == 1); // no temporary file left beside it
}

TEST_CASE("write_output_file refuses a read-only file and keeps it") {
    TempDir d;
    const std::string f = d / "ro.csv";
    put(f, "keep\n");
    ::chmod(f.c_str(), 0444);
    const auto bad = write_output_file(f, "lost\n");
    REQUIRE(bad);
    CHECK(*bad == "cannot write " + f + ": the file is read-only (mode 0444)");
    CHECK(slurp(f) == "keep\n");
    CHECK(entries(d.path) == 1);
}

TEST_CASE("write_output_file writes into /dev/null and leaves the device node") {
    REQUIRE_FALSE(write_output_file("/dev/null", "nothing\n"));
    struct stat st{};
    REQUIRE(::stat("/dev/null", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
}

// [thread]: it starts a thread, so the tsan build runs it (tests/core/CMakeLists.txt).
TEST_CASE("write_output_file streams into a FIFO", "[thread]") {
    TempDir d;
    const std::string fifo = d / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string got;
    std::thread reader([&] { got = slurp(fifo); });
    const std::string text(200000, 'x'); // more than a pipe buffer holds
    const auto bad = write_output_file(fifo, text);
    reader.join();
    CHECK_FALSE(bad);
    CHECK(got == text);
    struct stat st{};
    REQUIRE(::stat(fifo.c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
}

TEST_CASE("write_output_file refuses a directory and an empty name") {
    TempDir d;
    CHECK(write_output_file(d.path.string(), "x") == "cannot write " + d.path.string() + ": it is a directory");
    CHECK(write_output_file("", "x") == std::string("cannot write: the file name is empty"));
    CHECK(write_output_file(d / "no/such/dir/x.csv", "x") ==
          "cannot write " + (d / "no/such/dir/x.csv") + ": No such file or directory");
}

TEST_CASE("write_output_file on a full file system says so and keeps the old file") {
    if (::geteuid() != 0) {
        WARN("skipped: mounting a small tmpfs needs root");
        return;
    }
    TempDir d;
    const std::string mnt = d / "full";
    fs::create_directory(mnt);
    if (::mount("tmpfs", mnt.c_str(), "tmpfs", 0, "size=16k") != 0) {
        WARN("skipped: cannot mount a tmpfs here");
        return;
    }
    const std::string f = mnt + "/out.pdf";
    put(f, "complete old file\n");
    const auto bad = write_output_file(f, std::string(64 << 10, 'p'));
    REQUIRE(bad);
    CHECK(*bad == "cannot write " + f + ": No space left on device (the file there is unchanged)");
    CHECK(slurp(f) == "complete old file\n");
    CHECK(entries(mnt) == 1);
    ::umount(mnt.c_str());
}

TEST_CASE("read_text_file refuses what is not a regular file at once") {
    TempDir d;
    const std::string fifo = d / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // Opening a FIFO without a writer blocks: the check comes before any open.
    CHECK(read_text_file(fifo, kScenarioFileLimit).error() ==
          "cannot read '" + fifo + "': it is a FIFO (named pipe); only regular files are read");
    CHECK(read_text_file("/dev/zero", kScenarioFileLimit).error() ==
          "cannot read '/dev/zero': it is a character device; only regular files are read");
    CHECK(read_text_file(d.path.string(), kScenarioFileLimit).error() ==
          "cannot read '" + d.path.string() + "': it is a directory; only regular files are read");
    CHECK(read_text_file(d / "missing", kScenarioFileLimit).error() ==
          "cannot read '" + (d / "missing") + "': No such file or directory");
}

TEST_CASE("read_text_file holds to its size limit") {
    TempDir d;
    const std::string f = d / "big.txt";
    put(f, std::string(3 << 20, 'a'));
    CHECK(read_text_file(f, 2 << 20).error() == "cannot read '" + f + "': it is 3 MiB; at most 2 MiB is read");
    CHECK(read_text_file(f, 3 << 20).value().size() == (3u << 20));
}

TEST_CASE("read_text_file drops a UTF-8 BOM and refuses UTF-16") {
    TempDir d;
    const std::string bom = d / "bom.txt";
    put(bom, "\xef\xbb\xbf" "17\n");
    CHECK(read_text_file(bom, kScenarioFileLimit).value() == "17\n");
    const std::string u16 = d / "u16.txt";
    put(u16, std::string("\xff\xfe" "1\0" "7\0", 6));
    CHECK(read_text_file(u16, kScenarioFileLimit).error() ==
          u16 + ":1:1: the text is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8 (ReclaimScope reads UTF-8 text)");
    const std::string latin1 = d / "latin1.txt";
    put(latin1, "ok\nna\xefve\n");
    CHECK(read_text_file(latin1, kScenarioFileLimit).error() ==
          latin1 + ":2:3: byte 0xef is not UTF-8 (ReclaimScope reads UTF-8 text)");
}

TEST_CASE("utf8_error accepts Chinese text and refuses overlong forms and surrogates") {
    CHECK_FALSE(utf8_error("水线 kswapd 直接回收 \xf0\x9f\x98\x80\n"));
    CHECK(utf8_error("\xc0\xaf") == std::string("1:1: byte 0xc0 is not UTF-8"));         // overlong '/'
    CHECK(utf8_error("a\xed\xa0\x80") == std::string("1:2: byte 0xed is not UTF-8"));    // U+D800
    CHECK(utf8_error("\xf4\x90\x80\x80") == std::string("1:1: byte 0xf4 is not UTF-8")); // past U+10FFFF
    CHECK(utf8_error("ab\xe6\xb0") == std::string("1:3: byte 0xe6 is not UTF-8"));       // cut short
}

TEST_CASE("read_text_file reads this machine's /proc/zoneinfo whose size shows as 0") {
    struct stat st{};
    REQUIRE(::stat("/proc/zoneinfo", &st) == 0);
    REQUIRE(st.st_size == 0); // procfs: the size is unknown until read
    const auto text = read_text_file("/proc/zoneinfo", kScenarioFileLimit);
    REQUIRE(text);
    const auto zi = parse_zoneinfo(*text, "/proc/zoneinfo");
    REQUIRE(zi);
    REQUIRE_FALSE(zi->zones.empty());
    for (const auto& z : zi->zones) CHECK(z.get("managed").has_value()); // every zone prints its managed pages
}
