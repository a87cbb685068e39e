#include "scenario/load_internal.h"

#include "util/units.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <filesystem>

namespace rs::load {

void fail(const std::string& pointer, const std::string& message) { throw LoadError{pointer, message}; }

std::string show(const json& v) {
    // An excerpt: a container is printed only so far (dump() of a big value costs its size).
    if (v.is_array() && v.size() > 8) return "[... " + std::to_string(v.size()) + " values]";
    if (v.is_object() && v.size() > 8) return "{... " + std::to_string(v.size()) + " keys}";
    if (v.is_string() && v.get_ref<const std::string&>().size() > 60)
        return json(v.get_ref<const std::string&>().substr(0, 50)).dump() + "...";
    std::string s = v.dump();
    return s.size() > 60 ? s.substr(0, 57) + "..." : s;
}

namespace {
thread_local const std::map<std::string, std::string>* t_written = nullptr;
}

WrittenNumbers::WrittenNumbers(const std::map<std::string, std::string>& texts) : m_prev(t_written) { t_written = &texts; }
WrittenNumbers::~WrittenNumbers() { t_written = m_prev; }

std::string written(const json& v, const std::string& ptr) {
    if (v.is_number() && t_written)
        if (auto it = t_written->find(ptr); it != t_written->end()) return it->second;
    return show(v);
}

std::string type_name(const json& v) {
    switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::string: return "a string";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    case json::value_t::number_float: return "a number";
    default: return "an integer";
    }
}

// Every key of `obj` must be in `allowed`.
void check_keys(const json& obj, const std::string& ptr, std::initializer_list<const char*> allowed) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        bool ok = false;
        for (const char* a : allowed) ok |= it.key() == a;
        if (!ok) {
            std::string list;
            for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
            fail(ptr + "/" + it.key(), "unknown key \"" + it.key() + "\" (expected one of: " + list + ")");
        }
    }
}

const json& need_object(const json& v, const std::string& ptr) {
    if (!v.is_object()) fail(ptr, "expected an object, got " + type_name(v));
    return v;
}

const json& need_array(const json& v, const std::string& ptr) {
    if (!v.is_array()) fail(ptr, "expected an array, got " + type_name(v));
    return v;
}

std::string need_string(const json& v, const std::string& ptr) {
    if (!v.is_string()) fail(ptr, "expected a string, got " + type_name(v) + " " + show(v));
    return v.get<std::string>();
}

namespace {
// "en, zh_CN": the allowed keys, as messages list them.
std::string language_list() {
    std::string list;
    for (const auto lang : kTextLanguages) list += (list.empty() ? "" : ", ") + std::string(lang);
    return list;
}
// {"en": ..., "zh_CN": ...}: the object form, as messages show it.
std::string object_form() {
    std::string form;
    for (const auto lang : kTextLanguages) form += (form.empty() ? "{\"" : ", \"") + std::string(lang) + "\": ...";
    return form + "}";
}
} // namespace

LocalizedText need_text(const json& v, const std::string& ptr) {
    if (v.is_string()) return LocalizedText{v.get<std::string>(), {}};
    if (!v.is_object())
        fail(ptr, "expected a string or an object of translations " + object_form() + ", got " + type_name(v) + " " +
                      show(v));
    LocalizedText t;
    for (auto it = v.begin(); it != v.end(); ++it) {
        std::string* text = t.field(it.key());
        if (!text)
            fail(ptr + "/" + it.key(), "unknown language \"" + it.key() + "\" (the languages are: " + language_list() + ")");
        *text = need_string(it.value(), ptr + "/" + it.key());
    }
    // English is the text every other language falls back to.
    if (!v.contains("en"))
        fail(ptr, "the translations need \"en\", the English text (the languages are: " + language_list() + ")");
    return t;
}

std::size_t utf8_length(std::string_view s) {
    // Every byte but a continuation byte (10xxxxxx) starts a character; the file is valid UTF-8
    // (scan_json() checked it).
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

bool need_bool(const json& v, const std::string& ptr) {
    if (!v.is_boolean()) fail(ptr, "expected true or false, got " + show(v));
    return v.get<bool>();
}

std::int64_t need_int(const json& v, const std::string& ptr, std::int64_t lo, std::int64_t hi) {
    if (!v.is_number_integer()) fail(ptr, "expected an integer, got " + type_name(v) + " " + written(v, ptr));
    const bool too_big = v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX);
    const std::int64_t x = too_big ? 0 : v.get<std::int64_t>();
    if (too_big || x < lo || x > hi)
        fail(ptr, written(v, ptr) + " is out of range " + std::to_string(lo) + ".." + std::to_string(hi));
    return x;
}

double need_number(const json& v, const std::string& ptr, double lo, double hi) {
    if (!v.is_number()) fail(ptr, "expected a number, got " + type_name(v) + " " + written(v, ptr));
    const double x = v.get<double>();
    if (!(x >= lo && x <= hi)) fail(ptr, written(v, ptr) + " is out of range " + show(json(lo)) + ".." + show(json(hi)));
    return x;
}

// SIZE: "512M" or an integer number of bytes; whole pages.
std::uint64_t need_size(const json& v, const std::string& ptr, std::uint64_t min_bytes) {
    std::uint64_t bytes = 0;
    if (v.is_number_unsigned()) {
        bytes = v.get<std::uint64_t>();
    } else if (v.is_string()) {
        const auto r = parse_size(v.get<std::string>());
        if (!r) fail(ptr, "expected a size like \"512M\" or \"4G\": " + r.error());
        bytes = *r;
    } else {
        fail(ptr, "expected a size like \"512M\" (or a number of bytes), got " + type_name(v) + " " + written(v, ptr));
    }
    if (bytes < min_bytes) fail(ptr, "the size " + written(v, ptr) + " is less than " + format_size(min_bytes));
    return bytes;
}

std::uint64_t need_pages(const json& v, const std::string& ptr) {
    const std::uint64_t pages = need_size(v, ptr, kPageSize) / kPageSize;
    if (pages > 0x7fffffffull) fail(ptr, written(v, ptr) + " is more than 2^31 pages (8 TiB)");
    return pages;
}

// RATE: "200M/s" (bytes per second) or a number of pages per second.
double need_rate(const json& v, const std::string& ptr) {
    double pages = 0;
    if (v.is_number()) {
        pages = v.get<double>();
    } else if (v.is_string() && v.get<std::string>().size() > 2 &&
               v.get<std::string>().compare(v.get<std::string>().size() - 2, 2, "/s") == 0) {
        const std::string s = v.get<std::string>();
        const auto r = parse_size(s.substr(0, s.size() - 2));
        if (!r) fail(ptr, "expected a rate like \"200M/s\": " + r.error());
        pages = static_cast<double>(*r) / static_cast<double>(kPageSize);
    } else {
        fail(ptr, "expected a rate like \"200M/s\" or a number of pages per second, got " + written(v, ptr));
    }
    if (!(pages >= 0.001 && pages <= 1e12))
        fail(ptr, "the rate " + written(v, ptr) + " is outside 0.001 .. 1e12 pages per second");
    return pages;
}

// DURATION: "10s", "250ms" or a number of seconds.
std::int64_t need_duration(const json& v, const std::string& ptr) {
    if (v.is_number()) {
        const double s = v.get<double>();
        if (!(s >= 0 && s <= kMaxDurationNs / 1e9)) fail(ptr, "the duration " + written(v, ptr) + " is outside 0 .. 1000000 seconds");
        return static_cast<std::int64_t>(std::llround(s * 1e9));
    }
    if (!v.is_string()) fail(ptr, "expected a duration like \"10s\" or \"250ms\", got " + type_name(v) + " " + written(v, ptr));
    const auto r = parse_duration_ns(v.get<std::string>());
    if (!r) fail(ptr, "expected a duration like \"10s\" or \"250ms\": " + r.error());
    if (*r < 0 || *r > kMaxDurationNs) fail(ptr, "the duration " + written(v, ptr) + " is outside 0 .. 1000000 s");
    return *r;
}

std::string read_relative(const Context& ctx, const std::string& path, const std::string& ptr) {
    const std::filesystem::path p(path);
    const std::string full = p.is_absolute() || ctx.base_dir.empty() ? path : (std::filesystem::path(ctx.base_dir) / p).string();
    auto r = ctx.read_file(full);
    if (!r) fail(ptr, r.error());
    return std::move(r).value();
}

} // namespace rs::load
