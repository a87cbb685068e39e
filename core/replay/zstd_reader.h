#pragma once
// zstd-compressed traces (.zst, libCacheSim's public traces are shipped this way), decompressed
// as they are read: memory is zstd's input block plus the frame's window (8 MiB at most at
// compression levels 1-19; zstd refuses windows over 128 MiB unless told otherwise).
#include "replay/byte_source.h"

#include <memory>
#include <string>

namespace rs::replay {

// The first four bytes are zstd's frame magic number (the source is rewound after looking).
bool starts_with_zstd_magic(ByteSource& src);
// The decompressed bytes of `compressed`. Corrupt or truncated data throws TraceError naming
// `display` and the compressed byte offset.
std::unique_ptr<ByteSource> zstd_source(std::unique_ptr<ByteSource> compressed, const std::string& display);

} // namespace rs::replay
