using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Rfc.Serve.Http;

/// <summary>
/// Answers GET and HEAD for a <see cref="Representation"/> the way a mirror must: exact bytes, strong validators,
/// conditional requests (RFC 9110 §13), one byte range (RFC 9110 §14), and gzip when the client asks for it.
/// </summary>
internal static class RepresentationResponder
{
    public static Task WriteAsync(HttpContext context, Representation representation)
    {
        HttpRequest request = context.Request;
        HttpResponse response = context.Response;
        ResponseHeaders headers = response.GetTypedHeaders();
        bool wantsRange = request.Headers.Range.Count > 0 && RangeStillValid(request, representation);
        // A range is taken of the identity bytes; gzip only for whole responses, so Range and gzip never mix.
        bool gzip = !wantsRange && AcceptsGzip(request.Headers.AcceptEncoding);

        response.Headers.ContentType = representation.ContentType;
        response.Headers.ETag = gzip ? representation.GzipETag : representation.ETag;
        headers.LastModified = representation.LastModified;
        response.Headers.Vary = "Accept-Encoding";
        response.Headers.AcceptRanges = "bytes";

        if (NotModified(request, representation))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        byte[] content = representation.File.Content;
        if (wantsRange)
        {
            switch (ParseRange(request.Headers.Range.ToString(), content.Length, out long from, out long to))
            {
                case RangeResult.Satisfiable:
                    response.StatusCode = StatusCodes.Status206PartialContent;
                    response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes {from}-{to}/{content.Length}");
                    return Body(context, content.AsMemory((int)from, (int)(to - from + 1)));
                case RangeResult.Unsatisfiable:
                    response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
                    response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes */{content.Length}");
                    response.ContentLength = 0;
                    return Task.CompletedTask;
                default:
                    break; // Not a range this server understands: RFC 9110 §14.2 lets it answer with the whole.
            }
        }

        if (gzip)
        {
            response.Headers.ContentEncoding = "gzip";
            return Body(context, representation.Gzip);
        }

        return Body(context, content);
    }

    private static Task Body(HttpContext context, ReadOnlyMemory<byte> body)
    {
        context.Response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : context.Response.Body.WriteAsync(body).AsTask();
    }

    /// <summary>RFC 9110 §13.1.2 (If-None-Match, weak comparison) first; If-Modified-Since only without it (§13.1.3).</summary>
    private static bool NotModified(HttpRequest request, Representation representation)
    {
        StringValues noneMatch = request.Headers.IfNoneMatch;
        if (noneMatch.Count > 0)
        {
            foreach (string? value in noneMatch)
            {
                foreach (string tag in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    string opaque = tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
                    if (opaque == "*" || opaque == representation.ETag || opaque == representation.GzipETag)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        return request.GetTypedHeaders().IfModifiedSince is DateTimeOffset since && representation.LastModified <= since;
    }

    /// <summary>RFC 9110 §13.1.5: with If-Range, the range applies only while the client's validator (strong) still matches.</summary>
    private static bool RangeStillValid(HttpRequest request, Representation representation)
    {
        string? ifRange = request.Headers[HeaderNames.IfRange];
        if (string.IsNullOrEmpty(ifRange))
        {
            return true;
        }

        if (ifRange.StartsWith('"'))
        {
            return ifRange == representation.ETag;
        }

        return DateTimeOffset.TryParseExact(ifRange, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date)
            && date == representation.LastModified;
    }

    /// <summary>Whether the client accepts gzip: listed (or <c>*</c>) without <c>q=0</c> (RFC 9110 §12.5.3).</summary>
    internal static bool AcceptsGzip(StringValues acceptEncoding)
    {
        foreach (string? value in acceptEncoding)
        {
            foreach (string item in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                string[] parts = item.Split(';', StringSplitOptions.TrimEntries);
                if (!parts[0].Equals("gzip", StringComparison.OrdinalIgnoreCase) && !parts[0].Equals("x-gzip", StringComparison.OrdinalIgnoreCase) && parts[0] != "*")
                {
                    continue;
                }

                bool refused = parts.Skip(1).Any(p => p.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                    && double.TryParse(p[2..], NumberStyles.Float, CultureInfo.InvariantCulture, out double q) && q <= 0);
                return !refused;
            }
        }

        return false;
    }

    internal enum RangeResult
    {
        Ignored,
        Satisfiable,
        Unsatisfiable,
    }

    /// <summary>
    /// One range of <c>bytes=</c> (RFC 9110 §14.1.2): <c>a-b</c>, <c>a-</c> or <c>-n</c>. Several ranges, other units
    /// and malformed values are ignored (the whole representation is sent), as §14.2 allows.
    /// </summary>
    internal static RangeResult ParseRange(string header, long length, out long from, out long to)
    {
        from = to = 0;
        const string Prefix = "bytes=";
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Contains(',', StringComparison.Ordinal))
        {
            return RangeResult.Ignored;
        }

        string spec = header[Prefix.Length..].Trim();
        int dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return RangeResult.Ignored;
        }

        string first = spec[..dash];
        string last = spec[(dash + 1)..];
        if (first.Length == 0)
        {
            // A suffix: the last n bytes.
            if (!long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out long suffix))
            {
                return RangeResult.Ignored;
            }

            if (suffix == 0 || length == 0)
            {
                return RangeResult.Unsatisfiable;
            }

            from = Math.Max(0, length - suffix);
            to = length - 1;
            return RangeResult.Satisfiable;
        }

        if (!long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out from))
        {
            return RangeResult.Ignored;
        }

        if (last.Length == 0)
        {
            to = length - 1;
        }
        else if (!long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out to) || to < from)
        {
            return RangeResult.Ignored;
        }

        if (from >= length)
        {
            return RangeResult.Unsatisfiable;
        }

        to = Math.Min(to, length - 1);
        return RangeResult.Satisfiable;
    }
}
