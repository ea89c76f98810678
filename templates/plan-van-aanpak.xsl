<?xml version="1.0" encoding="UTF-8"?>
<!-- kngg: Plan van aanpak voor een cyclus van fase 3, vanuit de QuickScan (3.proces) -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:include href="common.xsl"/>
  <xsl:param name="today"/>
  <xsl:param name="cycle"/>

  <xsl:variable name="all-runs" select="/kngg-export/phases/phase[@number = 3]/runs/run"/>
  <!-- de gevraagde cyclus, anders de laatste -->
  <xsl:variable name="run" select="$all-runs[($cycle != '' and @cycle = $cycle) or ($cycle = '' and position() = last())]"/>

  <xsl:template match="/kngg-export">
    <document title="Plan van aanpak" subtitle="Uitbouwen en monitoren in {@name}{substring(concat(', cyclus ', $run/@cycle), 1, 1000 * number(boolean($run)))}">
      <xsl:call-template name="kngg-header">
        <xsl:with-param name="today" select="$today"/>
        <xsl:with-param name="extra">
          <xsl:if test="$run">
            <br/><b>Cyclus:</b><xsl:text> </xsl:text><xsl:value-of select="$run/@cycle"/>
            <xsl:if test="$run/@started">, begonnen op <xsl:value-of select="$run/@started"/></xsl:if>
            <xsl:if test="count($all-runs) &gt; 1"> (van <xsl:value-of select="count($all-runs)"/> cycli)</xsl:if>
          </xsl:if>
        </xsl:with-param>
      </xsl:call-template>
      <p>Elke cyclus van fase 3 begint met de QuickScan. De thema's die het laagst scoren krijgen hieronder een eigen uitwerking; kleinere punten staan in één lijst. Aan het eind van de cyclus volgt een nieuwe QuickScan.</p>
      <xsl:choose>
        <xsl:when test="$run">
          <xsl:call-template name="plan"/>
        </xsl:when>
        <xsl:when test="$cycle != '' and $all-runs">
          <p>Cyclus <xsl:value-of select="$cycle"/> bestaat niet. Bekende cycli: <xsl:for-each select="$all-runs"><xsl:value-of select="@cycle"/><xsl:if test="position() != last()">, </xsl:if></xsl:for-each>.</p>
          <xsl:call-template name="blank"/>
        </xsl:when>
        <xsl:otherwise>
          <p>Fase 3 heeft nog geen cyclus; begin er een zodra fase 2 is afgerond. Tot dan is dit een leeg plan.</p>
          <xsl:call-template name="blank"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="kngg-source-note"/>
    </document>
  </xsl:template>

  <xsl:template name="plan">
    <xsl:variable name="scored" select="$run/quickscan/theme[@score]"/>
    <h1>Uitkomst van de QuickScan</h1>
    <xsl:call-template name="kngg-quickscan-table">
      <xsl:with-param name="run" select="$run"/>
      <xsl:with-param name="previous" select="$run/preceding-sibling::run[1]"/>
    </xsl:call-template>
    <xsl:if test="$run/quickscan/theme[not(@score)] and $scored">
      <p><i>Nog niet alle thema's zijn gescoord; de keuze hieronder kan nog verschuiven.</i></p>
    </xsl:if>

    <h1>Grote verbeterpunten</h1>
    <xsl:choose>
      <xsl:when test="$scored">
        <p>De drie laagst scorende thema's, elk met een doel, acties, een trekker en een planning.</p>
        <xsl:for-each select="$scored">
          <xsl:sort select="@score" data-type="number"/>
          <xsl:if test="position() &lt;= 3">
            <h2><xsl:value-of select="@title"/> (score <xsl:value-of select="@score"/>: <xsl:call-template name="kngg-quickscan-label"><xsl:with-param name="score" select="@score"/></xsl:call-template>)</h2>
            <xsl:call-template name="theme-table"/>
          </xsl:if>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <p>Er zijn in deze cyclus nog geen QuickScan-scores. <fill>welke thema's de meeste aandacht vragen, uit andere bronnen</fill></p>
        <h2><fill>thema</fill></h2>
        <xsl:call-template name="theme-table"/>
      </xsl:otherwise>
    </xsl:choose>

    <h1>Kleine verbeterpunten</h1>
    <xsl:call-template name="small"/>

    <h1>Procesonderdelen in deze cyclus</h1>
    <xsl:call-template name="kngg-steps-table"><xsl:with-param name="steps" select="$run/steps/step"/></xsl:call-template>
    <p><fill>welke procesonderdelen (netwerkorganisatie, kwaliteit, monitoring, informatie-uitwisseling, scholing) deze cyclus nodig zijn en waarom</fill></p>

    <h1>Samenhang en planning</h1>
    <p><fill>welke acties van elkaar afhangen, wat meteen kan beginnen, en wanneer de volgende QuickScan is</fill></p>

    <h1>Vastlegging met de partners</h1>
    <xsl:call-template name="kngg-cycle-signatures">
      <xsl:with-param name="run" select="$run"/>
      <xsl:with-param name="ids" select="'|3.proces/s1|3.kwaliteit/s1|3.monitoring/s1|'"/>
      <xsl:with-param name="empty" select="'In deze cyclus is het plan van aanpak nog niet met de partners ondertekend.'"/>
      <xsl:with-param name="fill" select="'welke partners welke delen van het plan tekenen, en wanneer'"/>
    </xsl:call-template>
    <xsl:for-each select="/kngg-export/readiness/sections/section[contains(@scope, 'fase 3')]/rules/rule[@kind = 'getekend' and @met = 'false']">
      <p><i>Volgens kngg nog nodig:</i><xsl:text> </xsl:text><xsl:call-template name="kngg-without-command"><xsl:with-param name="text" select="@text"/></xsl:call-template></p>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="theme-table">
    <table>
      <tr><th>Onderdeel</th><th>Invulling</th></tr>
      <tr><td>Doel</td><td><fill>wat er aan het eind van de cyclus anders is</fill></td></tr>
      <tr><td>Acties</td><td><fill>wat er gebeurt, in welke volgorde</fill></td></tr>
      <tr><td>Kartrekker</td><td><fill>naam, organisatie en mandaat</fill></td></tr>
      <tr><td>Betrokken partners</td><td><fill>wie meedoet</fill></td></tr>
      <tr><td>Planning</td><td><fill>start, tussenstappen en einddatum</fill></td></tr>
      <tr><td>Middelen</td><td><fill>uren en geld</fill></td></tr>
      <tr><td>Hoe we het merken</td><td><fill>welke score of welk signaal laat zien dat het gelukt is</fill></td></tr>
    </table>
  </xsl:template>

  <xsl:template name="small">
    <table>
      <tr><th>Punt</th><th>Actie</th><th>Wie</th><th>Wanneer</th></tr>
      <tr><td><fill>punt om bij te schaven</fill></td><td><fill>actie</fill></td><td><fill>naam</fill></td><td><fill>datum</fill></td></tr>
      <tr><td><fill>punt om bij te schaven</fill></td><td><fill>actie</fill></td><td><fill>naam</fill></td><td><fill>datum</fill></td></tr>
    </table>
  </xsl:template>

  <xsl:template name="blank">
    <h1>Grote verbeterpunten</h1>
    <h2><fill>thema</fill></h2>
    <xsl:call-template name="theme-table"/>
    <h1>Kleine verbeterpunten</h1>
    <xsl:call-template name="small"/>
  </xsl:template>
</xsl:stylesheet>
