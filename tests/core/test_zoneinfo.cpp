#include "fixtures.h"
#include "machine_helpers.h"
#include "mm/watermarks.h"
#include "sim/engine.h"

#include <catch2/catch.hpp>

using namespace rs;

namespace {
std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string l;
    while (std::getline(in, l)) out.push_back(l);
    return out;
}
bool has_line(const std::vector<std::string>& lines, const std::string& l) {
    return std::find(lines.begin(), lines.end(), l) != lines.end();
}
} // namespace

TEST_CASE("parse a complete zoneinfo from a 6.18 kernel") {
    const auto zi = parse_fixture("zoneinfo-this-vm-6.18.txt");
    REQUIRE(zi.zones.size() == 5);
    const auto* dma32 = zi.find(0, "DMA32");
    REQUIRE(dma32);
    CHECK(dma32->get("pages free") == 772808);
    CHECK(dma32->get("spanned") == 1044480);
    CHECK(dma32->get("present") == 782336);
    CHECK(dma32->get("managed") == 772808);
    CHECK(dma32->get("start_pfn") == 4096);
    CHECK(dma32->protection == std::vector<std::int64_t>{0, 0, 1408, 1408, 1408});
    CHECK(dma32->stats.at("nr_free_pages") == 772808);
    REQUIRE(zi.nodes.size() == 1);
    CHECK(zi.nodes[0].stats.at("nr_file_pages") == 3583);
    const auto* dev = zi.find(0, "Device");
    REQUIRE(dev);
    CHECK(dev->get("managed") == 0);
}

TEST_CASE("the writer prints a cloned machine line for line as its kernel did") {
    // Clone the stored 6.18 snapshot, boot it with the same THP mode and sysctls, and print:
    // every line our writer produces for the zone fields must be the kernel's own line.
    const std::string text = read_text_file(test_data("zoneinfo-this-vm-6.18.txt"));
    const auto real = lines_of(text);
    auto spec = machine_from_zoneinfo(parse_zoneinfo(text, "fixture").value(), "fixture");
    REQUIRE(spec);
    MachineSpec s = spec.value();
    s.kernel_version = 618;
    EngineConfig cfg;
    cfg.machine = s;
    cfg.thp = ThpMode::Madvise;
    auto e = Engine::create(cfg);
    REQUIRE(e);
    const auto ours = lines_of(format_zoneinfo(e.value()->kernel().machine));
    int checked = 0;
    for (const auto& l : ours) {
        const bool zone_field = l.rfind("Node ", 0) == 0 || l.rfind("  pages free", 0) == 0 ||
                                l.rfind("        ", 0) == 0 || l.rfind("  start_pfn:", 0) == 0 ||
                                l.rfind("      nr_free_pages ", 0) == 0;
        if (!zone_field) continue;
        INFO(l);
        CHECK(has_line(real, l));
        ++checked;
    }
    CHECK(checked >= 5 * 12);
}

TEST_CASE("writer and parser round-trip") {
    auto b = boot_machine(x86_64_machine(8ull << 30), ThpMode::Always);
    const std::string text = format_zoneinfo(b.machine);
    auto zi = parse_zoneinfo(text, "ours");
    REQUIRE(zi);
    for (const auto& z : b.machine.nodes[0].zones) {
        const auto* p = zi->find(0, zone_name(z.type));
        REQUIRE(p);
        CHECK(p->get("min") == static_cast<std::int64_t>(z.min_wmark_pages()));
        CHECK(p->get("high") == static_cast<std::int64_t>(z.high_wmark_pages()));
        CHECK(p->get("managed") == static_cast<std::int64_t>(z.managed_pages));
        CHECK(p->get("spanned") == static_cast<std::int64_t>(z.spanned_pages));
    }
    // An unpopulated zone ends after its protection line.
    CHECK(text.find("zone  Movable\n  pages free     0\n") != std::string::npos);
    CHECK(text.find("protection: (0, 0, 0, 0, 0)\nNode 0, zone   Device") != std::string::npos);
}

TEST_CASE("the x86-64 layout of a RAM size") {
    auto spec = x86_64_machine(4ull << 30);
    REQUIRE_FALSE(validate_machine(spec));
    const auto& z = spec.nodes[0].zones;
    // DMA below 16 MiB, DMA32 up to the PCI hole at 3 GiB, the rest from 4 GiB in Normal.
    CHECK(z[0].spanned == 4095);
    CHECK(z[0].present == 3998);
    CHECK(z[0].managed == 3840);
    CHECK(z[1].start_pfn == 4096);
    CHECK(z[1].present == 786432 - 4096);
    CHECK(z[1].spanned == 1048576 - 4096);
    CHECK(z[2].start_pfn == 1048576);
    CHECK(z[2].present == 262144);
    for (std::size_t i = 1; i < 3; ++i) {
        CHECK(z[i].managed < z[i].present);
        CHECK(z[i].managed > z[i].present * 9 / 10); // a little below present
    }
    // A small machine has no Normal zone.
    auto small = x86_64_machine(1ull << 30);
    CHECK(small.nodes[0].zones[2].present == 0);
    CHECK(small.nodes[0].zones[1].spanned == small.nodes[0].zones[1].present);
}

TEST_CASE("malformed zoneinfo is rejected with the line and the problem") {
    auto bad = parse_zoneinfo("Node 0, zone Normal\n  pages free     abc\n", "f.txt");
    REQUIRE_FALSE(bad);
    CHECK(bad.error() == "f.txt:2: expected a number after 'pages free'");
    auto zone = parse_zoneinfo("Node 0, zone Weird\n", "f.txt");
    REQUIRE_FALSE(zone);
    CHECK(zone.error().find("f.txt:1: unknown zone 'Weird'") == 0);
    auto empty = parse_zoneinfo("hello\n", "f.txt");
    REQUIRE_FALSE(empty);
    CHECK(empty.error().find("no 'Node <n>, zone <name>' header") != std::string::npos);
    auto prot = parse_zoneinfo("Node 0, zone Normal\n        protection: (0, x)\n", "f.txt");
    REQUIRE_FALSE(prot);
    CHECK(prot.error().find("f.txt:2:") == 0);
    // A zone without managed pages cannot be cloned.
    auto nomanaged = parse_zoneinfo("Node 0, zone Normal\n  pages free     5\n", "f.txt");
    REQUIRE(nomanaged);
    auto spec = machine_from_zoneinfo(*nomanaged, "f.txt");
    REQUIRE_FALSE(spec);
    CHECK(spec.error() == "f.txt:1: node 0, zone Normal: no 'managed' line");
    // More free than managed is impossible.
    auto toomuch = parse_zoneinfo("Node 0, zone Normal\n  pages free     50\n        managed  10\n", "f.txt");
    CHECK_FALSE(machine_from_zoneinfo(*toomuch, "f.txt"));
    // Duplicate zones.
    CHECK_FALSE(parse_zoneinfo("Node 0, zone Normal\nNode 0, zone Normal\n", "f.txt"));
}

TEST_CASE("zoneinfo node numbers beyond the simulator's 64 nodes are refused") {
    auto big = parse_zoneinfo("Node 2147483647, zone Normal\n", "f.txt");
    REQUIRE_FALSE(big);
    CHECK(big.error().find("f.txt:1: node 2147483647 is beyond") == 0);
}

namespace {
std::uint64_t managed_pages(const MachineSpec& m) {
    std::uint64_t n = 0;
    for (const auto& node : m.nodes)
        for (const auto& z : node.zones) n += z.managed;
    return n;
}

// Cuts a whole zoneinfo text after every line: each prefix is refused (as cut short, or as a
// zone without managed pages), or (cut after the last zone that holds pages had ended) gives
// the same machine as the whole text.
void check_every_prefix(const std::string& text, const std::string& name) {
    const auto whole = parse_zoneinfo(text, name);
    REQUIRE(whole);
    const auto full = machine_from_zoneinfo(*whole, name);
    REQUIRE(full);
    int refused = 0, same = 0;
    for (std::size_t nl = text.find('\n'); nl != std::string::npos && nl + 1 < text.size(); nl = text.find('\n', nl + 1)) {
        const auto cut = parse_zoneinfo(std::string_view(text).substr(0, nl + 1), name);
        if (!cut) {
            INFO(cut.error());
            CHECK(cut.error().find("the text looks cut short") != std::string::npos);
            ++refused;
            continue;
        }
        const auto spec = machine_from_zoneinfo(*cut, name);
        if (!spec) { // the first zone's header alone: no managed line, refused as such
            CHECK(spec.error().find("no 'managed' line") != std::string::npos);
            ++refused;
            continue;
        }
        CHECK(managed_pages(*spec) == managed_pages(*full));
        ++same;
    }
    // Only the cuts inside the last, empty zones (Movable's tail, Device) keep the machine.
    CHECK(refused > 100);
    CHECK(same < 20);
}
} // namespace

TEST_CASE("a whole zoneinfo cut short anywhere is refused instead of booting a smaller machine") {
    check_every_prefix(read_text_file(test_data("zoneinfo-this-vm-6.18.txt")), "zoneinfo-this-vm-6.18.txt");
    // This machine's own file, as the kernel prints it now.
    check_every_prefix(read_text_file("/proc/zoneinfo"), "/proc/zoneinfo");
    // The message names the zone that was cut and its line.
    const std::string text = read_text_file(test_data("zoneinfo-this-vm-6.18.txt"));
    const auto dma32 = text.find("Node 0, zone    DMA32");
    REQUIRE(dma32 != std::string::npos);
    const auto cut = parse_zoneinfo(std::string_view(text).substr(0, text.find("pagesets", dma32)), "z.txt");
    REQUIRE_FALSE(cut);
    CHECK(cut.error().find("z.txt:99: node 0, zone DMA32 has no start_pfn line, its last one: the text looks cut short") == 0);
    // A grep excerpt keeps only some lines and is not checked for an end.
    const auto excerpt = parse_zoneinfo("Node 0, zone DMA32\n  min 100\n  low 200\n  high 300\n  managed 5000\n", "g.txt");
    CHECK(excerpt);
}
