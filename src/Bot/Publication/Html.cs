using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace PmfBot.Bot.Publication;

/// <summary>
/// Builds a page's markup. Every piece of text from the records (titles, names, commentary)
/// goes through <see cref="Text"/> and every attribute value through <see cref="Attribute"/>,
/// both HTML-encoded; <see cref="Raw"/> takes only markup written in this folder.
/// </summary>
public sealed class Html
{
    // All of Unicode passes as itself (the page is UTF-8); < > & ' " + and control characters are encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _markup = new();

    public static string Encode(string? text) => Encoder.Encode(text ?? "");

    public Html Raw(string markup)
    {
        _markup.Append(markup);
        return this;
    }

    public Html Text(string? text)
    {
        _markup.Append(Encode(text));
        return this;
    }

    /// <summary>An element holding text: <c>&lt;td class="num"&gt;92%&lt;/td&gt;</c>.</summary>
    public Html Element(string tag, string? text, string? cssClass = null) =>
        Raw(cssClass is null ? $"<{tag}>" : $"<{tag} class=\"{cssClass}\">").Text(text).Raw($"</{tag}>");

    public Html Link(string href, string text) => Raw("<a href=\"").Attribute(href).Raw("\">").Text(text).Raw("</a>");

    public Html Attribute(string value)
    {
        _markup.Append(Encode(value));
        return this;
    }

    public override string ToString() => _markup.ToString();
}
