<?xml version="1.0" encoding="UTF-8"?>
<!-- kngg: Projectplan (stap 1.2 tot 1.4), vooringevuld met opdracht, startfoto, organisatie en planning -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:include href="common.xsl"/>
  <xsl:param name="today"/>

  <xsl:variable name="p1" select="/kngg-export/phases/phase[@number = 1]/runs/run[1]/steps"/>
  <xsl:variable name="live-sigs" select="/kngg-export/signatures/signature[not(@withdrawn = 'true')]"/>

  <xsl:template match="/kngg-export">
    <document title="Projectplan Kind naar Gezonder Gewicht" subtitle="Gemeente {@name}">
      <xsl:call-template name="kngg-header"><xsl:with-param name="today" select="$today"/></xsl:call-template>
      <p>Dit plan groeit mee met fase 1: de startfoto (stap 1.2), de gewenste situatie (1.3) en wat daarvoor nodig is (1.4) komen er stap voor stap in. Wat kngg al weet staat ingevuld; de rest vult de projectleider met de kerngroep aan.</p>

      <h1>1. Aanleiding</h1>
      <p><fill>waarom de gemeente dit oppakt: hoeveel kinderen overgewicht hebben, wat de huidige aanpak oplevert en waar die tekortschiet</fill></p>
      <xsl:call-template name="documents-of">
        <xsl:with-param name="items" select="$p1/step[@id = '1.1']/deliverables/deliverable[@id = '1.1/d2' or @id = '1.1/d3'][@document]"/>
        <xsl:with-param name="intro" select="'Onderbouwing uit stap 1.1:'"/>
      </xsl:call-template>

      <h1>2. Opdracht</h1>
      <xsl:variable name="d1" select="$p1/step[@id = '1.1']/deliverables/deliverable[@id = '1.1/d1']"/>
      <xsl:choose>
        <xsl:when test="$live-sigs[@signoff = '1.1/s1']">
          <p>Schriftelijke toezeggingen van de gemeente (opdrachtgever) en de grootste uitvoerende partner om mensen of geld in te zetten:</p>
          <xsl:call-template name="kngg-signatures-table">
            <xsl:with-param name="sigs" select="$live-sigs[@signoff = '1.1/s1']"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <p>Er is nog geen schriftelijke toezegging van gemeente en hoofduitvoerder vastgelegd (ondertekening 1.1/s1). <fill>wie de opdracht geeft en wat er is toegezegd</fill></p>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$d1/@document">
        <p>De toezegging staat in: <i><xsl:value-of select="$d1/@document"/></i> (klaar op <xsl:value-of select="$d1/@done"/>).</p>
      </xsl:if>
      <p><b>De opdracht in één alinea:</b><xsl:text> </xsl:text><fill>wat het project moet bereiken, voor welke kinderen en gezinnen, binnen welke tijd en welke grenzen</fill></p>
      <p><b>Projectleider:</b><xsl:text> </xsl:text>
        <xsl:variable name="pl" select="stakeholders/stakeholder[roles/role[@role = 'projectleider' and not(@until) and @deputy = 'false']]"/>
        <xsl:choose>
          <xsl:when test="$pl">
            <xsl:for-each select="$pl">
              <xsl:call-template name="kngg-person-name"/> (<xsl:value-of select="@organisation"/>)<xsl:if test="position() != last()">, </xsl:if>
            </xsl:for-each>
            <xsl:for-each select="$live-sigs[@signoff = '1.2/s1'][last()]">, formeel aangesteld op <xsl:value-of select="@date"/> door <xsl:value-of select="@signer"/></xsl:for-each>
          </xsl:when>
          <xsl:otherwise><fill>naam van de projectleider en wie hem of haar aanstelt</fill></xsl:otherwise>
        </xsl:choose>
      </p>

      <h1>3. Startfoto</h1>
      <xsl:call-template name="step-section">
        <xsl:with-param name="id" select="'1.2'"/>
        <xsl:with-param name="fill" select="'de belangrijkste bevindingen: hoe het werkveld nu werkt, wat professionals, ouders en kinderen als knelpunten noemen en waar de aanpak op kan aansluiten'"/>
      </xsl:call-template>

      <h1>4. Gewenste situatie</h1>
      <xsl:call-template name="step-section">
        <xsl:with-param name="id" select="'1.3'"/>
        <xsl:with-param name="fill" select="'de gezamenlijke ambities en hoe de aanpak er op hoofdlijnen uitziet, met kansen en bedreigingen'"/>
      </xsl:call-template>

      <h1>5. Wat is nodig</h1>
      <xsl:call-template name="step-section">
        <xsl:with-param name="id" select="'1.4'"/>
        <xsl:with-param name="fill" select="'de verandervraagstukken per beroepsgroep, de gekozen oplossingsrichtingen, de prioriteiten en hoe het experiment wordt afgebakend'"/>
      </xsl:call-template>

      <h1>6. Projectorganisatie</h1>
      <p>Wie nu welke rol heeft:</p>
      <xsl:call-template name="kngg-roles-table"/>
      <p><fill>de voorgestelde overlegstructuur: kerngroep, projectgroep, stuurgroep en werkgroepen, en hoe vaak ze bijeenkomen</fill></p>

      <h1>7. Stakeholders</h1>
      <xsl:variable name="people" select="stakeholders/stakeholder[not(@erased = 'true')]"/>
      <xsl:if test="$people">
        <p>
          <xsl:value-of select="count($people[@committed = 'true'])"/> van de <xsl:value-of select="count($people)"/>
          <xsl:text> stakeholders hebben uitdrukkelijk toegezegd bij te dragen. Alleen geïnformeerd of betrokken zijn telt nog niet als commitment.</xsl:text>
        </p>
      </xsl:if>
      <xsl:call-template name="kngg-stakeholder-table"><xsl:with-param name="people" select="$people"/></xsl:call-template>

      <h1>8. Planning per fase</h1>
      <xsl:for-each select="phases/phase">
        <h2>Fase <xsl:value-of select="@number"/>: <xsl:value-of select="@title"/></h2>
        <xsl:choose>
          <xsl:when test="runs/run">
            <xsl:for-each select="runs/run">
              <xsl:if test="@label or @cycle"><h3><xsl:call-template name="kngg-run-name"/></h3></xsl:if>
              <table>
                <tr><th>Stap</th><th>Titel</th><th>Stand</th><th>Afgerond of gepland</th></tr>
                <xsl:for-each select="steps/step">
                  <tr>
                    <td><xsl:value-of select="@id"/></td>
                    <td><xsl:value-of select="@title"/></td>
                    <td><xsl:value-of select="@state"/></td>
                    <td>
                      <xsl:choose>
                        <xsl:when test="@done">afgerond op <xsl:value-of select="@done"/></xsl:when>
                        <xsl:otherwise><fill>streefdatum</fill></xsl:otherwise>
                      </xsl:choose>
                    </td>
                  </tr>
                </xsl:for-each>
              </table>
            </xsl:for-each>
          </xsl:when>
          <xsl:when test="@number = 2">
            <p>Nog niet begonnen. Na een positief besluit (stap 1.5) volgt per gebied of doelgroep een experiment. <fill>in welk gebied en met welke doelgroep het experiment start, en wanneer</fill></p>
          </xsl:when>
          <xsl:otherwise>
            <p>Nog niet begonnen. <fill>globale verwachting voor deze fase</fill></p>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>

      <h1>9. Begroting</h1>
      <p>Raming van de mensen en middelen, apart voor de opzet (eenmalig) en voor de uitvoering (structureel), afgestemd met managers, uitvoerders en financiers.</p>
      <table>
        <tr><th>Post</th><th>Eenmalig (opzet)</th><th>Structureel (per jaar)</th><th>Wie betaalt</th></tr>
        <xsl:call-template name="budget-row"><xsl:with-param name="post" select="'Projectleiding'"/></xsl:call-template>
        <xsl:call-template name="budget-row"><xsl:with-param name="post" select="'Uren van professionals in het experiment'"/></xsl:call-template>
        <xsl:call-template name="budget-row"><xsl:with-param name="post" select="'Onderzoek, monitoring en evaluatie'"/></xsl:call-template>
        <xsl:call-template name="budget-row"><xsl:with-param name="post" select="'Scholing'"/></xsl:call-template>
        <xsl:call-template name="budget-row"><xsl:with-param name="post" select="'Communicatie en bijeenkomsten'"/></xsl:call-template>
        <tr><td><fill>andere post</fill></td><td><fill>bedrag</fill></td><td><fill>bedrag</fill></td><td><fill>financier</fill></td></tr>
      </table>

      <h1>10. Risico's</h1>
      <h2>Continuïteit</h2>
      <xsl:call-template name="kngg-signals">
        <xsl:with-param name="empty" select="'kngg ziet op dit moment geen continuïteitsrisico&#8217;s.'"/>
      </xsl:call-template>
      <h2>Essentiële factoren die aandacht vragen</h2>
      <xsl:variable name="low" select="factors/factor[@score and @score &lt;= 2]"/>
      <xsl:variable name="unchecked" select="factors/factor[not(@score)]"/>
      <xsl:choose>
        <xsl:when test="$low or $unchecked">
          <ul>
            <xsl:for-each select="$low">
              <li><xsl:value-of select="@title"/>: score <xsl:value-of select="@score"/> op <xsl:value-of select="@date"/><xsl:if test="@note"> (<xsl:value-of select="@note"/>)</xsl:if></li>
            </xsl:for-each>
            <xsl:if test="$unchecked">
              <li>
                <xsl:text>Nog niet gecheckt: </xsl:text>
                <xsl:for-each select="$unchecked"><xsl:value-of select="@title"/><xsl:if test="position() != last()">, </xsl:if></xsl:for-each>
              </li>
            </xsl:if>
          </ul>
        </xsl:when>
        <xsl:otherwise><p>Alle essentiële factoren zijn gecheckt en scoren hoger dan 2.</p></xsl:otherwise>
      </xsl:choose>
      <h2>Overige risico's en maatregelen</h2>
      <table>
        <tr><th>Risico</th><th>Kans en gevolg</th><th>Maatregel</th><th>Wie</th></tr>
        <tr><td><fill>risico uit de scenario's van stap 1.4</fill></td><td><fill>klein, middel of groot</fill></td><td><fill>wat we doen om het te voorkomen of op te vangen</fill></td><td><fill>naam</fill></td></tr>
      </table>

      <h1>11. Besluitvorming</h1>
      <h2>Vastgelegde besluiten</h2>
      <xsl:call-template name="kngg-signatures-table">
        <xsl:with-param name="sigs" select="signatures/signature"/>
      </xsl:call-template>
      <h2>Besluiten die nog nodig zijn</h2>
      <xsl:variable name="open" select="readiness/sections/section/rules/rule[@kind = 'getekend' and @met = 'false']"/>
      <xsl:variable name="unsigned" select="$p1/step/signoffs/signoff[not(@id = $live-sigs/@signoff) and not(@id = $open/@id)]"/>
      <xsl:choose>
        <xsl:when test="$open or $unsigned">
          <ul>
            <xsl:for-each select="$open"><li><xsl:call-template name="kngg-without-command"><xsl:with-param name="text" select="@text"/></xsl:call-template></li></xsl:for-each>
            <xsl:for-each select="$unsigned"><li>ondertekening <xsl:value-of select="@id"/> nog niet getekend: <xsl:value-of select="@text"/></li></xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p>Alle ondertekeningen van fase 1 zijn vastgelegd.</p></xsl:otherwise>
      </xsl:choose>
      <p><fill>welk besluit over dit plan wordt gevraagd, van wie (college, raad, besturen) en wanneer</fill></p>

      <xsl:call-template name="kngg-source-note"/>
    </document>
  </xsl:template>

  <!-- Stand van een stap uit fase 1, zijn opleveringen en een invulplek. -->
  <xsl:template name="step-section">
    <xsl:param name="id"/>
    <xsl:param name="fill"/>
    <xsl:variable name="step" select="$p1/step[@id = $id]"/>
    <xsl:call-template name="kngg-step-state">
      <xsl:with-param name="step" select="$step"/>
      <xsl:with-param name="id" select="$id"/>
    </xsl:call-template>
    <xsl:call-template name="kngg-deliverables-table"><xsl:with-param name="step" select="$step"/></xsl:call-template>
    <p><fill><xsl:value-of select="$fill"/></fill></p>
  </xsl:template>

  <!-- Een lijst stukken bij opleveringen. -->
  <xsl:template name="documents-of">
    <xsl:param name="items"/>
    <xsl:param name="intro"/>
    <xsl:if test="$items">
      <p><xsl:value-of select="$intro"/></p>
      <ul>
        <xsl:for-each select="$items">
          <li><i><xsl:value-of select="@document"/></i> (<xsl:value-of select="@id"/>, <xsl:value-of select="@done"/>)</li>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>

  <xsl:template name="budget-row">
    <xsl:param name="post"/>
    <tr><td><xsl:value-of select="$post"/></td><td><fill>bedrag</fill></td><td><fill>bedrag</fill></td><td><fill>financier</fill></td></tr>
  </xsl:template>
</xsl:stylesheet>
