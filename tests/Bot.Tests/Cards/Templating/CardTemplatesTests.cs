using PmfBot.Bot.Cards.Templating;

namespace PmfBot.Bot.Tests.Cards.Templating;

public sealed class CardTemplatesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pmf-cards-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Every_template_in_the_folder_is_loaded_and_the_data_beside_them_is_not()
    {
        Write("return-card.json", """{"t":"${x}"}""");
        Write("return-card.sample.json", """{"x":1}""");
        Write("return-card.large.json", """{"x":2}""");
        Write("help.json", """{"t":"help"}""");

        var templates = CardTemplates.LoadDirectory(_folder);

        Assert.Equal(["help", "return-card"], templates.Names.Order());
        Assert.Equal("return-card", templates["Return-Card"].Name);
    }

    [Fact]
    public void Asking_for_an_unknown_template_names_the_known_ones()
    {
        Write("help.json", "{}");

        var error = Assert.Throws<KeyNotFoundException>(() => CardTemplates.LoadDirectory(_folder)["status"]);

        Assert.Contains("help", error.Message);
        Assert.False(CardTemplates.LoadDirectory(_folder).TryGet("status", out _));
    }

    [Fact]
    public void A_broken_template_stops_the_folder_from_loading_and_is_named()
    {
        Write("good.json", """{"t":"${x}"}""");
        Write("bad.json", """{"t":"${nope(x)}"}""");

        var error = Assert.Throws<TemplateException>(() => CardTemplates.LoadDirectory(_folder));

        Assert.Equal("bad", error.TemplateName);
    }

    private void Write(string name, string json) => File.WriteAllText(Path.Combine(_folder, name), json);
}
