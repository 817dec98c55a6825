extension QRCode {
    /// The symbol as one standalone `<svg>` element: a white background and a single black `<path>`
    /// made of one rectangle per horizontal run of dark modules, with `shape-rendering="crispEdges"`.
    ///
    /// The `viewBox` counts modules, so the picture scales cleanly; CSS `width`/`height` may override
    /// the intrinsic size (for print, e.g. `style="width: 30mm"`).
    ///
    /// - Parameters:
    ///   - moduleSize: Width and height of one module in CSS pixels, for the `width` and `height` attributes.
    ///   - quietZone: Light modules around the symbol; ISO/IEC 18004 asks for at least 4.
    ///   - ariaLabel: The accessible name (`role="img"`); escaped for XML.
    public func svg(moduleSize: Int = 4, quietZone: Int = 4, ariaLabel: String = "QR code") -> String {
        precondition(moduleSize > 0 && quietZone >= 0, "module size must be positive and quiet zone non-negative")
        let side = size + 2 * quietZone
        let pixels = side * moduleSize
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" width="\(pixels)" \
            height="\(pixels)" role="img" aria-label="\(Self.escapedForXML(ariaLabel))" \
            shape-rendering="crispEdges"><rect width="\(side)" height="\(side)" fill="#fff"/>\
            <path fill="#000" d="\(darkRunsPath(offset: quietZone))"/></svg>
            """
    }

    /// Path data with one closed rectangle `M x y h w v 1 h -w z` per horizontal run of dark modules.
    func darkRunsPath(offset: Int) -> String {
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard self[x, y] else { x += 1; continue }
                let start = x
                while x < size && self[x, y] { x += 1 }
                path += "M\(start + offset) \(y + offset)h\(x - start)v1h-\(x - start)z"
            }
        }
        return path
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities, safe in an attribute or text node.
    static func escapedForXML(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
