// The built-in scenarios' Chinese texts: there, with the numbers of the English ones and the
// terms of docs/glossary.md. (The two forms of a text: test_scenario_loader.cpp.)
#include "scenario/builtin.h"
#include "scenario/loader.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace rs;
namespace fs = std::filesystem;

namespace {

const fs::path kRepo = fs::path(RS_TEST_DATA) / ".." / "..";

std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The numbers a text writes: runs of digits with an optional decimal part ("1.7", "600k" -> 600),
// except those that end an identifier (DMA32, /dev/sdb1), which a translation may name more or
// less often.
std::multiset<std::string> numbers_in(const std::string& s) {
    std::multiset<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
        if (j + 1 < s.size() && s[j] == '.' && std::isdigit(static_cast<unsigned char>(s[j + 1]))) {
            ++j;
            while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
        }
        const bool in_identifier = i > 0 && (std::isalpha(static_cast<unsigned char>(s[i - 1])) || s[i - 1] == '_');
        if (!in_identifier) out.insert(s.substr(i, j - i));
        i = j;
    }
    return out;
}

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }

// Whether English text uses a term as a word (case-insensitive, plural "s" allowed): "swap" is
// in "1 GiB of swap" but not in "swappiness", "--swap" or "swap_avail_head".
bool uses_term(const std::string& text, const std::string& term) {
    std::string lower = text;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    for (auto at = lower.find(term); at != std::string::npos; at = lower.find(term, at + 1)) {
        if (at > 0 && word_char(lower[at - 1])) continue;
        std::size_t end = at + term.size();
        if (end < lower.size() && lower[end] == 's') ++end;
        if (end == lower.size() || !word_char(lower[end])) return true;
    }
    return false;
}

std::string trim(std::string s) {
    const auto not_space = [](unsigned char c) { return !std::isspace(c); };
    s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
    s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
    return s;
}

// docs/glossary.md's table: English term -> the Chinese term (the 中文 column up to a gloss in
// parentheses, "zone（内存区域）" -> "zone").
std::map<std::string, std::string> glossary() {
    std::map<std::string, std::string> out;
    std::istringstream in(slurp(kRepo / "docs" / "glossary.md"));
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("| ", 0) != 0) continue;
        std::vector<std::string> cells;
        std::istringstream row(line.substr(1));
        for (std::string cell; std::getline(row, cell, '|');) cells.push_back(trim(cell));
        if (cells.size() < 4 || cells[0] == "English") continue;
        std::string zh = cells[1];
        for (const char* open : {"（", "("}) zh = zh.substr(0, zh.find(open));
        out[cells[0]] = trim(zh);
    }
    return out;
}

bool has_cjk(const std::string& s) {
    // UTF-8 lead bytes 0xE3..0xE9 start the CJK blocks (U+3000..U+9FFF).
    return std::any_of(s.begin(), s.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b >= 0xE3 && b <= 0xE9;
    });
}

std::size_t non_ascii_characters(const std::string& s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0xC0; }));
}

std::size_t characters(const std::string& s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

} // namespace

TEST_CASE("every built-in scenario has a Chinese title and teaching text") {
    for (const auto& s : builtin_scenarios()) {
        INFO(s.name);
        CHECK(has_cjk(s.title.zh_CN));
        CHECK(s.title.in("zh_CN") == s.title.zh_CN);
        // A translation, not the English left in place: Chinese makes up a good part of it
        // (at least a quarter of the characters), kernel names and numbers in Latin the rest.
        REQUIRE_FALSE(s.explanation.zh_CN.empty());
        CHECK(non_ascii_characters(s.explanation.zh_CN) * 4 > characters(s.explanation.zh_CN));
    }
}

TEST_CASE("the Chinese texts of the built-ins write the numbers of the English ones") {
    for (const auto& s : builtin_scenarios()) {
        INFO(s.name);
        CHECK(numbers_in(s.title.zh_CN) == numbers_in(s.title.en));
        CHECK(numbers_in(s.explanation.zh_CN) == numbers_in(s.explanation.en));
    }
}

TEST_CASE("the number check sees numbers - not identifiers") {
    CHECK(numbers_in("1.7 GiB, 600k pages, 3:1, max(min/4, x), 6.x") ==
          std::multiset<std::string>{"1.7", "600", "3", "1", "4", "6"});
    CHECK(numbers_in("ZONE_DMA32 and /dev/sdb1, kworker/u8").empty());
    CHECK(numbers_in("第 10 s 时调到 3000000") == std::multiset<std::string>{"10", "3000000"});
    CHECK(numbers_in("at 15 s") != numbers_in("第 16 s"));
}

TEST_CASE("the Chinese texts of the built-ins use the glossary's terms") {
    const auto terms = glossary();
    // The terms checked: the glossary's words for reclaim's concepts that the English texts
    // use. Some are kernel names too (kswapd, slab): their "Chinese" is the Latin name.
    const std::vector<std::string> checked = {
        "watermark",     "min watermark", "low watermark", "high watermark", "direct reclaim", "kswapd",
        "reclaim",       "anonymous page", "anonymous memory", "file page",  "page cache",     "swap",
        "LRU list",      "active list",   "inactive list", "unevictable",    "refault",        "dirty page",
        "writeback",     "flusher",       "OOM killer",    "zone",           "node",           "free memory",
        "fast path",     "slow path",     "slab",          "free pages",     "scan",           "activate",
        "balanced"};
    int uses = 0;
    for (const auto& term : checked) {
        INFO(term);
        REQUIRE(terms.count(term));
        const std::string& zh = terms.at(term);
        REQUIRE_FALSE(zh.empty());
        std::string lower = term;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
        for (const auto& s : builtin_scenarios()) {
            for (const auto* text : {&s.title, &s.explanation}) {
                if (!uses_term(text->en, lower)) continue;
                ++uses;
                INFO(s.name << ": " << text->en);
                CHECK_THAT(text->zh_CN, Catch::Contains(zh));
            }
        }
    }
    CHECK(uses > 50); // the check looked at real texts
}

TEST_CASE("the glossary check finds terms as words") {
    CHECK(uses_term("a machine without swap:", "swap"));
    CHECK(uses_term("Swap fills up", "swap"));
    CHECK_FALSE(uses_term("vm.swappiness and --swap 1G and swap_avail_head and swap-ins", "swap"));
    CHECK(uses_term("below the min watermark.", "min watermark"));
    CHECK(uses_term("anonymous pages", "anonymous page"));
    CHECK_FALSE(uses_term("the inactive list", "active list"));
    const auto terms = glossary();
    CHECK(terms.at("watermark") == "水线");
    CHECK(terms.at("zone") == "zone");
    CHECK(terms.at("lowmem_reserve") == "lowmem_reserve");
}
