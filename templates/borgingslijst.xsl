<?xml version="1.0" encoding="UTF-8"?>
<!-- kngg: Borgingslijst (4.borging): per onderwerp wat op netwerk- en partnerniveau geregeld is -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:include href="common.xsl"/>
  <xsl:param name="today"/>
  <xsl:param name="cycle"/>

  <xsl:variable name="all-runs" select="/kngg-export/phases/phase[@number = 4]/runs/run"/>
  <xsl:variable name="run" select="$all-runs[($cycle != '' and @cycle = $cycle) or ($cycle = '' and position() = last())]"/>
  <xsl:variable name="people" select="/kngg-export/stakeholders/stakeholder[not(@erased = 'true')]"/>
  <!-- partners: organisaties met minstens één persoon met commitment -->
  <xsl:variable name="partners" select="/kngg-export/organisations/organisation[@name = $people[@committed = 'true']/@organisation]"/>

  <xsl:template match="/kngg-export">
    <document title="Borgingslijst" subtitle="Verduurzamen en transformeren in {@name}{substring(concat(', cyclus ', $run/@cycle), 1, 1000 * number(boolean($run)))}">
      <xsl:call-template name="kngg-header">
        <xsl:with-param name="today" select="$today"/>
        <xsl:with-param name="extra">
          <xsl:if test="$run"><br/><b>Cyclus fase 4:</b><xsl:text> </xsl:text><xsl:value-of select="$run/@cycle"/><xsl:if test="$run/@started">, begonnen op <xsl:value-of select="$run/@started"/></xsl:if></xsl:if>
        </xsl:with-param>
      </xsl:call-template>
      <p>Wat er nodig is om de aanpak blijvend te laten draaien: per onderwerp wat het netwerk als geheel regelt en wat elke partner in de eigen organisatie vastlegt, wie daarvoor staat en waar het geld vandaan komt. Elke partner bekrachtigt daarna de eigen punten.</p>

      <h1>Stand van zaken</h1>
      <xsl:choose>
        <xsl:when test="$run">
          <xsl:call-template name="kngg-steps-table"><xsl:with-param name="steps" select="$run/steps/step"/></xsl:call-template>
          <xsl:call-template name="kngg-step-state">
            <xsl:with-param name="step" select="$run/steps/step[@id = '4.borging']"/>
            <xsl:with-param name="id" select="'4.borging'"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="$cycle != '' and $all-runs">
          <p>Cyclus <xsl:value-of select="$cycle"/> van fase 4 bestaat niet. Bekende cycli: <xsl:for-each select="$all-runs"><xsl:value-of select="@cycle"/><xsl:if test="position() != last()">, </xsl:if></xsl:for-each>.</p>
        </xsl:when>
        <xsl:otherwise><p>Fase 4 heeft nog geen cyclus. De lijst hieronder kan al dienen om de borging voor te bereiden.</p></xsl:otherwise>
      </xsl:choose>
      <xsl:choose>
        <xsl:when test="$partners">
          <p>Partners met commitment: <xsl:for-each select="$partners"><xsl:value-of select="@name"/><xsl:if test="position() != last()">, </xsl:if></xsl:for-each>.</p>
        </xsl:when>
        <xsl:otherwise><p>Nog geen organisatie heeft iemand met commitment; de rijen per partner zijn daarom leeg.</p></xsl:otherwise>
      </xsl:choose>

      <xsl:call-template name="subject">
        <xsl:with-param name="title" select="'Netwerkorganisatie'"/>
        <xsl:with-param name="hint" select="'netwerkregisseur, overlegstructuur, mandaten'"/>
      </xsl:call-template>
      <xsl:call-template name="subject">
        <xsl:with-param name="title" select="'Kwaliteit van ondersteuning en zorg'"/>
        <xsl:with-param name="hint" select="'kwaliteitsafspraken, werkafspraken en hoe ze bewaakt worden'"/>
      </xsl:call-template>
      <xsl:call-template name="subject">
        <xsl:with-param name="title" select="'Monitoring'"/>
        <xsl:with-param name="hint" select="'indicatoren, registratie en rapportage'"/>
      </xsl:call-template>
      <xsl:call-template name="subject">
        <xsl:with-param name="title" select="'Uitwisseling van informatie'"/>
        <xsl:with-param name="hint" select="'afspraken en middelen om gegevens veilig en volgens de AVG te delen'"/>
      </xsl:call-template>
      <xsl:call-template name="subject">
        <xsl:with-param name="title" select="'Scholing'"/>
        <xsl:with-param name="hint" select="'scholing voor nieuwe en zittende professionals'"/>
      </xsl:call-template>

      <h1>Bekrachtiging door de partners</h1>
      <!-- bekrachtigingen binnen deze cyclus: vanaf de start tot de volgende cyclus -->
      <xsl:variable name="from" select="number(translate($run/@started, '-', ''))"/>
      <xsl:variable name="next" select="$run/following-sibling::run[1]/@started"/>
      <xsl:variable name="ratified" select="signatures/signature[@signoff = '4.borging/s1' and not(@withdrawn = 'true') and (not($run/@started) or number(translate(@date, '-', '')) &gt;= $from) and (not($next) or number(translate(@date, '-', '')) &lt; number(translate($next, '-', '')))]"/>
      <table>
        <tr><th>Partner</th><th>Bekrachtigd door</th><th>Datum</th><th>Stuk</th></tr>
        <xsl:for-each select="$partners">
          <xsl:variable name="mine" select="$ratified[@organisation = current()/@name]"/>
          <xsl:choose>
            <xsl:when test="$mine">
              <xsl:for-each select="$mine">
                <tr><td><xsl:value-of select="@organisation"/></td><td><xsl:value-of select="@signer"/> (<xsl:value-of select="@role"/>)</td><td><xsl:value-of select="@date"/></td><td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@document"/></xsl:call-template></td></tr>
              </xsl:for-each>
            </xsl:when>
            <xsl:otherwise>
              <tr><td><xsl:value-of select="@name"/></td><td><fill>naam en functie van de bestuurder</fill></td><td><fill>datum</fill></td><td>nog niet bekrachtigd</td></tr>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
        <xsl:for-each select="$ratified[not(@organisation = $partners/@name)]">
          <tr><td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@organisation"/></xsl:call-template></td><td><xsl:value-of select="@signer"/> (<xsl:value-of select="@role"/>)</td><td><xsl:value-of select="@date"/></td><td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@document"/></xsl:call-template></td></tr>
        </xsl:for-each>
        <xsl:if test="not($partners) and not($ratified)">
          <tr><td><fill>partner</fill></td><td><fill>naam en functie van de bestuurder</fill></td><td><fill>datum</fill></td><td>nog niet bekrachtigd</td></tr>
        </xsl:if>
      </table>
      <xsl:for-each select="readiness/sections/section/rules/rule[@kind = 'getekend' and @id = '4.borging/s1' and @met = 'false']">
        <p><i>Volgens kngg nog nodig:</i><xsl:text> </xsl:text><xsl:call-template name="kngg-without-command"><xsl:with-param name="text" select="@text"/></xsl:call-template></p>
      </xsl:for-each>

      <xsl:call-template name="kngg-source-note"/>
    </document>
  </xsl:template>

  <!-- Eén borgingsonderwerp: een tabel op netwerkniveau en een op partnerniveau. -->
  <xsl:template name="subject">
    <xsl:param name="title"/>
    <xsl:param name="hint"/>
    <h1><xsl:value-of select="$title"/></h1>
    <h2>Netwerkniveau</h2>
    <table>
      <tr><th>Wat geregeld is of moet worden</th><th>Wie is verantwoordelijk</th><th>Financiering</th><th>Vastgelegd in</th></tr>
      <tr><td><fill><xsl:value-of select="$hint"/></fill></td><td><fill>naam of overleg</fill></td><td><fill>structureel of tijdelijk, en door wie</fill></td><td><fill>document</fill></td></tr>
    </table>
    <h2>Partnerniveau</h2>
    <table>
      <tr><th>Partner</th><th>Wat geregeld is of moet worden</th><th>Wie is verantwoordelijk</th><th>Financiering</th></tr>
      <xsl:for-each select="$partners">
        <tr><td><xsl:value-of select="@name"/></td><td><fill>wat deze partner zelf vastlegt</fill></td><td><fill>naam</fill></td><td><fill>begroting of budget</fill></td></tr>
      </xsl:for-each>
      <xsl:if test="not($partners)">
        <tr><td><fill>partner</fill></td><td><fill>wat deze partner zelf vastlegt</fill></td><td><fill>naam</fill></td><td><fill>begroting of budget</fill></td></tr>
      </xsl:if>
    </table>
  </xsl:template>
</xsl:stylesheet>
