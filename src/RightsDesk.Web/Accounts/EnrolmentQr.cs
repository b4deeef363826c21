using System.Globalization;
using System.Text;
using QRCoder;

namespace RightsDesk.Web.Accounts;

/// <summary>
/// The authenticator's otpauth:// address as a QR code, drawn on the server as inline SVG: no script, no image
/// request and no data: URI, so the pages' Content-Security-Policy (img-src 'self', no inline styles) needs nothing
/// more. The SVG is built here from QRCoder's module matrix, so every attribute in it is one this code chose.
/// </summary>
public static class EnrolmentQr
{
    public static string OtpAuthUri(string issuer, string account, string secret) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={secret}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits=6&period=30";

    /// <summary>An &lt;svg&gt; element with one path of dark modules and the quiet zone QRCoder's matrix includes.</summary>
    public static string Svg(string text, string label)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (matrix[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }

        var title = System.Net.WebUtility.HtmlEncode(label);
        return $"""<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" role="img" aria-labelledby="qr-title" shape-rendering="crispEdges"><title id="qr-title">{title}</title><rect width="{size}" height="{size}" fill="#fff"/><path fill="#000" d="{path}"/></svg>""";
    }

    /// <summary>The key in groups of four, so it can be read out and typed without losing one's place.</summary>
    public static string Grouped(string secret) => string.Join(' ', secret.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
}
