using System.Xml;
using System.Xml.Linq;

namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>Loads project and POM files with line numbers and without DTD processing (no external entities).</summary>
internal static class XmlManifest
{
    public static XDocument Load(string text)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(text), settings);
        return XDocument.Load(reader, LoadOptions.SetLineInfo);
    }

    public static int Line(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    /// <summary>Children by local name, so MSBuild's and Maven's default namespaces need no ceremony.</summary>
    public static IEnumerable<XElement> Children(XElement? parent, string name) =>
        parent?.Elements().Where(e => e.Name.LocalName == name) ?? [];

    public static XElement? Child(XElement? parent, string name) => Children(parent, name).FirstOrDefault();
}
