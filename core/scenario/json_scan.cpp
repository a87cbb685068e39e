#include "scenario/json_scan.h"

#include <cctype>
#include <vector>

namespace rs {

namespace {

struct Place {
    int line = 1, col = 1;
    std::string text() const { return std::to_string(line) + ":" + std::to_string(col); }
};

// One open object or array: its pointer, and the keys seen (objects) or the next index (arrays).
struct Container {
    bool object = false;
    std::string pointer;
    std::map<std::string, Place> keys;
    std::string key;   // objects: the key whose value comes next
    std::size_t index = 0;
};

// RFC 6901: '~' is written ~0 and '/' ~1 in a pointer's reference tokens.
std::string escape_token(const std::string& key) {
    std::string out;
    for (const char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

class Scanner {
public:
    Scanner(std::string_view text, int max_depth) : m_text(text), m_max_depth(max_depth) {}
    Result<JsonScan> run();

private:
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }
    void advance() {
        if (m_text[m_pos] == '\n') {
            ++m_here.line;
            m_here.col = 1;
        } else if ((static_cast<unsigned char>(m_text[m_pos]) & 0xc0) != 0x80) {
            ++m_here.col; // columns count characters, not the bytes of a UTF-8 sequence
        }
        ++m_pos;
    }
    bool read_string(std::string& out);
    std::string value_pointer();
    void value_done();

    std::string_view m_text;
    int m_max_depth;
    std::size_t m_pos = 0;
    Place m_here;
    std::vector<Container> m_stack;
    bool m_expect_key = false;
};

bool Scanner::read_string(std::string& out) {
    advance(); // the opening quote
    while (m_pos < m_text.size()) {
        const char c = peek();
        if (c == '"') {
            advance();
            return true;
        }
        if (c == '\\') {
            advance();
            if (m_pos >= m_text.size()) return false;
            out += '\\'; // escapes are kept as written: keys compare as the file spells them
        }
        out += peek();
        advance();
    }
    return false;
}

// The pointer of the value that starts here.
std::string Scanner::value_pointer() {
    if (m_stack.empty()) return "";
    const Container& c = m_stack.back();
    return c.pointer + "/" + (c.object ? escape_token(c.key) : std::to_string(c.index));
}

void Scanner::value_done() {
    if (m_stack.empty()) return;
    if (!m_stack.back().object) ++m_stack.back().index;
}

Result<JsonScan> Scanner::run() {
    JsonScan out;
    while (m_pos < m_text.size()) {
        const char c = peek();
        if (std::isspace(static_cast<unsigned char>(c)) || c == ',' || c == ':') {
            if (c == ',' && !m_stack.empty() && m_stack.back().object) m_expect_key = true;
            advance();
        } else if (c == '{' || c == '[') {
            if (static_cast<int>(m_stack.size()) >= m_max_depth)
                return Result<JsonScan>::failure(m_here.text() + ": the value is nested deeper than " +
                                                 std::to_string(m_max_depth) + " levels");
            Container k;
            k.object = c == '{';
            k.pointer = value_pointer();
            m_stack.push_back(std::move(k));
            m_expect_key = c == '{';
            advance();
        } else if (c == '}' || c == ']') {
            if (m_stack.empty()) return out; // a syntax error: the parser says where
            m_stack.pop_back();
            value_done();
            m_expect_key = false;
            advance();
        } else if (c == '"') {
            const Place start = m_here;
            std::string s;
            if (!read_string(s)) return out;
            if (m_expect_key && !m_stack.empty()) {
                Container& k = m_stack.back();
                if (auto [it, fresh] = k.keys.emplace(s, start); !fresh)
                    return Result<JsonScan>::failure(start.text() + ": the key \"" + s.substr(0, 60) +
                                                     "\" appears twice in one object (first at " + it->second.text() + ")");
                k.key = s;
                m_expect_key = false;
            } else {
                value_done();
            }
        } else {
            // A number or a literal (true, false, null), up to the next delimiter.
            const std::string ptr = value_pointer();
            const std::size_t start = m_pos;
            while (m_pos < m_text.size() && !std::isspace(static_cast<unsigned char>(peek())) && peek() != ',' &&
                   peek() != '}' && peek() != ']' && peek() != ':' && peek() != '"')
                advance();
            const std::string_view token = m_text.substr(start, m_pos - start);
            if (token.empty()) return out;
            if (token[0] == '-' || std::isdigit(static_cast<unsigned char>(token[0])))
                out.number_text[ptr] = std::string(token.substr(0, 40)) + (token.size() > 40 ? "..." : "");
            value_done();
        }
    }
    return out;
}

} // namespace

Result<JsonScan> scan_json(std::string_view text, int max_depth) { return Scanner(text, max_depth).run(); }

} // namespace rs
