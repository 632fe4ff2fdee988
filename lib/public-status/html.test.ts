import { describe, expect, it } from "vitest";
import { escapeHtml, markup, trustedHtml } from "./html";

describe("escapeHtml", () => {
  it("escapes the characters that start markup or end an attribute value", () => {
    expect(escapeHtml(`<script>alert("x")</script>`)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(escapeHtml("' OR 1=1 -- & `")).toBe("&#39; OR 1=1 -- &amp; &#96;");
  });

  it("leaves other text alone, Kazakh letters and direction marks included", () => {
    expect(escapeHtml("Ерлан С. — Әлия \u202e")).toBe("Ерлан С. — Әлия \u202e");
  });
});

describe("markup", () => {
  it("escapes every interpolated string, in text and in attributes", () => {
    const hostile = `"><script>alert(1)</script><a href="x`;
    const out = markup`<p title="${hostile}">${hostile}</p>`.value;
    expect(out).not.toContain("<script");
    expect(out).toBe(
      `<p title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;a href=&quot;x">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;a href=&quot;x</p>`,
    );
  });

  it("cannot be broken out of a single-quoted attribute either", () => {
    const out = markup`<a title='${"' onmouseover='alert(1)"}'></a>`.value;
    expect(out).toBe("<a title='&#39; onmouseover=&#39;alert(1)'></a>");
  });

  it("keeps nested templates and trusted constants as markup, and escapes each item of a list", () => {
    const items = ["<b>", "ok"].map((text) => markup`<li>${text}</li>`);
    expect(markup`<ul>${items}</ul>${trustedHtml("<hr>")}`.value).toBe("<ul><li>&lt;b&gt;</li><li>ok</li></ul><hr>");
  });

  it("drops the source's line breaks and indentation, but never from the values", () => {
    const out = markup`
      <p>
        ${"two\n  lines"} <b>x</b>
      </p>`.value;
    expect(out).toBe("<p>two\n  lines <b>x</b></p>");
  });

  it("writes numbers, and nothing for null, undefined and false", () => {
    expect(markup`${1414}|${null}|${undefined}|${false}|${0}`.value).toBe("1414||||0");
  });

  it("does not take an object that merely looks like safe markup", () => {
    const forged = { value: "<script>alert(1)</script>" } as unknown as string;
    expect(markup`${forged}`.value).toBe("[object Object]");
  });
});
